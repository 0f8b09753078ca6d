/* SPDX-License-Identifier: GPL-2.0 */
/* A copy of a disk image that keeps its holes, so a 2 GiB root_fs costs what it holds. */
#ifndef SPARSE_COPY_H
#define SPARSE_COPY_H

/*
 * Copies the regular file in (from its start) to the empty file out: only
 * the data SEEK_DATA finds, the holes left as holes, out's size in's size.
 * 0, or -1 with errno set.
 */
int sparse_copy(int in, int out);

#endif
