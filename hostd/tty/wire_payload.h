/* SPDX-License-Identifier: GPL-2.0 */
/* Payloads of OPEN, EXEC and LOSS records, decoded with bounds checks. */
#ifndef WIRE_PAYLOAD_H
#define WIRE_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "wire_parse.h"

struct wire_open {
	uint32_t parent, major, minor, name_len;
	const unsigned char *name;	/* name_n bytes, not NUL-terminated */
	size_t name_n;
};

struct wire_exec {
	uint32_t pid, ppid, uid, euid;
	uint32_t filename_len, argv_len, argc;
	int truncated;
	const unsigned char *filename;	/* filename_n bytes */
	size_t filename_n;
	const unsigned char *argv;	/* argv_n bytes, NUL-separated */
	size_t argv_n;
};

struct wire_loss {
	uint64_t records, bytes;
};

/*
 * Each returns 0 when the payload is whole, 1 when it is usable but damaged
 * (why says how; what is present was kept), -1 when it is unusable.
 */
int wire_open_decode(const struct wire_rec *r, struct wire_open *o,
		     char *why, size_t whylen);
int wire_exec_decode(const struct wire_rec *r, struct wire_exec *e,
		     char *why, size_t whylen);
int wire_loss_decode(const struct wire_rec *r, struct wire_loss *l,
		     char *why, size_t whylen);

#endif
