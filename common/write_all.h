/* SPDX-License-Identifier: GPL-2.0 */
/* Whole writes to a file descriptor, through short writes and EINTR. */
#ifndef WRITE_ALL_H
#define WRITE_ALL_H

#include <stddef.h>

/*
 * Writes all n bytes, retrying on EINTR and short writes. Returns 0, or -1
 * with errno set; *done says how many bytes did land either way.
 */
int write_all(int fd, const void *buf, size_t n, size_t *done);

#endif
