/* SPDX-License-Identifier: GPL-2.0 */
/* Bounds-checked little-endian reads from untrusted bytes: a cursor that never reads past its end. */
#ifndef WIRE_LE_H
#define WIRE_LE_H

#include <stddef.h>
#include <stdint.h>

#include "byteorder.h"

/* A read past the end returns 0 (or NULL), sets bad and stays at the end. */
struct le_cur {
	const unsigned char *p;
	size_t len;
	size_t off;
	int bad;
};

static inline void le_init(struct le_cur *c, const void *p, size_t len)
{
	c->p = p;
	c->len = len;
	c->off = 0;
	c->bad = 0;
}

static inline size_t le_left(const struct le_cur *c)
{
	return c->len - c->off;
}

/* Returns a pointer to the next n bytes and steps over them, or NULL. */
static inline const unsigned char *le_bytes(struct le_cur *c, size_t n)
{
	const unsigned char *q;

	if (n > le_left(c)) {
		c->bad = 1;
		c->off = c->len;
		return NULL;
	}
	q = c->p + c->off;
	c->off += n;
	return q;
}

static inline uint8_t le_u8(struct le_cur *c)
{
	const unsigned char *q = le_bytes(c, 1);

	return q ? q[0] : 0;
}

static inline uint16_t le_u16(struct le_cur *c)
{
	const unsigned char *q = le_bytes(c, 2);

	return q ? get_le16(q) : 0;
}

static inline uint32_t le_u32(struct le_cur *c)
{
	const unsigned char *q = le_bytes(c, 4);

	return q ? get_le32(q) : 0;
}

static inline uint64_t le_u64(struct le_cur *c)
{
	uint64_t lo = le_u32(c);

	return lo | (uint64_t)le_u32(c) << 32;
}

#endif
