/* SPDX-License-Identifier: GPL-2.0 */
/* Byte counts as people write them: "8M", "20G" in, "1.2 GiB" out. */
#ifndef BYTESIZE_H
#define BYTESIZE_H

#include <stddef.h>
#include <stdint.h>

/*
 * A size that is the whole of s: decimal digits, then optionally one of
 * K, M, G, T (powers of 1024; lower case too, an optional "iB" or "B"
 * after it). Returns 0 with *out set if it lies in [min, max], or -1 and
 * *out untouched.
 */
int bytesize_parse(const char *s, uint64_t min, uint64_t max, uint64_t *out);

/* "512 B", "64.0 KiB", "1.2 GiB": one decimal from KiB up; buf of at least 16 bytes. */
void bytesize_format(uint64_t n, char *buf, size_t len);

#endif
