/* SPDX-License-Identifier: GPL-2.0 */
/* One directory per guest run under the archive: ARCHIVE/<UTC start>-<run id>. */
#ifndef RUN_DIR_H
#define RUN_DIR_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Formats "<YYYYmmddTHHMMSSZ>-<8 hex digits>" into buf; -1 if it does not fit. */
int run_dir_name(time_t start, uint32_t run_id, char *buf, size_t len);

/* The length of every name run_dir_name makes. */
#define RUN_DIR_NAME_LEN 25

/* 1 if name has the shape run_dir_name makes, so a directory listing can tell runs from the rest. */
int run_dir_name_ok(const char *name);

/* Creates archive (and its parents) and a fresh run directory in it, whose
 * path is written to out; -1 and a report naming the path on error. */
int run_dir_create(const char *archive, char *out, size_t outlen);

/* Creates path and any missing parents with mode 0750. */
int mkdir_parents(const char *path);

#endif
