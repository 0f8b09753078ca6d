/* SPDX-License-Identifier: GPL-2.0 */
/* --list: one line per tty session found under an archive directory. */
#ifndef SESSION_LIST_H
#define SESSION_LIST_H

#include <stdio.h>

/* How deep --list looks: ARCHIVE/<run>/tty/<file> is three levels. */
#define LIST_DEPTH 3

/* Sessions listed from one file; more are counted in a warning. */
#define LIST_SESSIONS_MAX 64

/* Lists every *.ttylog.gz / *.ttylog under dir (or dir itself if it is
 * such a file) to out, errors and warnings to stderr. Returns the exit
 * status: 0, 1 if a file or dir could not be read, 3 if a file was damaged
 * (listed up to the damage). */
int session_list(const char *dir, FILE *out);

/* "pts/0" from ".../000003-pts-0.ttylog.gz"; "?" if the name says nothing. */
void tty_name_from_path(const char *path, char *buf, size_t len);

#endif
