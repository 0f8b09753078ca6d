/* SPDX-License-Identifier: GPL-2.0 */
/* The last lines of a log file, to show an operator why a boot failed. */
#ifndef FILE_TAIL_H
#define FILE_TAIL_H

#include <stdio.h>

/* Writes the last n lines of path to out (at most the file's last 64 KiB);
 * -1 if the file cannot be read. */
int file_tail(const char *path, unsigned int n, FILE *out);

#endif
