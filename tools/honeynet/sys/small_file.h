/* SPDX-License-Identifier: GPL-2.0 */
/* Small whole files (a key, an id, a record) read or written at once, never via a symlink. */
#ifndef SMALL_FILE_H
#define SMALL_FILE_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Reads the regular file path (not a symlink) into buf, NUL-terminated, its
 * length in *len. 0, or -1 with errno set (EFBIG: it does not fit in cap - 1
 * bytes; EINVAL: not a regular file).
 */
int small_file_read(const char *path, char *buf, size_t cap, size_t *len);

/* Creates path (it must not exist) with mode, writes buf and fsyncs it. 0, or -1 with errno set. */
int small_file_write(const char *path, const void *buf, size_t len, mode_t mode);

/* Writes text as dir/name, replacing an earlier one: a record of what was
 * loaded or used (a config, a ruleset). 0, or -1 after a report. */
int small_file_save(const char *dir, const char *name, const char *text, mode_t mode);

#endif
