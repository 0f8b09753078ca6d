/* SPDX-License-Identifier: GPL-2.0 */
/* A directory tree measured or removed without following a symlink or leaving its filesystem. */
#ifndef DIR_TREE_H
#define DIR_TREE_H

#include <stdint.h>

/*
 * Adds st_blocks * 512 of path and of everything below it to *bytes: what
 * the tree takes on disk, holes not counted. 0, or -1 after a report.
 */
int dir_tree_usage(const char *path, uint64_t *bytes);

/* Removes the directory path and everything below it. 0, or -1 after a report. */
int dir_tree_remove(const char *path);

#endif
