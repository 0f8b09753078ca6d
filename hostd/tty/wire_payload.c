// SPDX-License-Identifier: GPL-2.0
/* Payloads of OPEN, EXEC and LOSS records, decoded with bounds checks. */
#include <stdio.h>

#include "wire_le.h"
#include "wire_payload.h"

/* Takes up to want bytes (capped at max) from c; says so if fewer or more. */
static const unsigned char *take(struct le_cur *c, uint32_t want, size_t max,
				 size_t *got, int *damaged)
{
	size_t n = want;

	if (n > max) {
		n = max;
		*damaged = 1;
	}
	if (n > le_left(c)) {
		n = le_left(c);
		*damaged = 1;
	}
	*got = n;
	return le_bytes(c, n);
}

int wire_open_decode(const struct wire_rec *r, struct wire_open *o,
		     char *why, size_t whylen)
{
	struct le_cur c;
	int damaged = 0;

	le_init(&c, r->payload, r->len);
	o->parent = le_u32(&c);
	o->major = le_u32(&c);
	o->minor = le_u32(&c);
	o->name_len = le_u32(&c);
	if (c.bad) {
		snprintf(why, whylen, "OPEN payload: expected at least %d bytes, found %u",
			 TTY_LOG_OPEN_SIZE, r->len);
		return -1;
	}
	o->name = take(&c, o->name_len, TTY_LOG_NAME_MAX, &o->name_n, &damaged);
	if (damaged || le_left(&c)) {
		snprintf(why, whylen,
			 "OPEN name: expected name_len %u (at most %d) to fill the %u-byte payload; kept %zu bytes",
			 o->name_len, TTY_LOG_NAME_MAX, r->len, o->name_n);
		return 1;
	}
	return 0;
}

int wire_exec_decode(const struct wire_rec *r, struct wire_exec *e,
		     char *why, size_t whylen)
{
	struct le_cur c;
	int damaged = 0;

	le_init(&c, r->payload, r->len);
	e->pid = le_u32(&c);
	e->ppid = le_u32(&c);
	e->uid = le_u32(&c);
	e->euid = le_u32(&c);
	e->filename_len = le_u32(&c);
	e->argv_len = le_u32(&c);
	e->argc = le_u32(&c);
	e->truncated = le_u8(&c) != 0;
	le_bytes(&c, 3);
	if (c.bad) {
		snprintf(why, whylen, "EXEC payload: expected at least %d bytes, found %u",
			 TTY_LOG_EXEC_SIZE, r->len);
		return -1;
	}
	e->filename = take(&c, e->filename_len, TTY_LOG_FILENAME_MAX,
			   &e->filename_n, &damaged);
	e->argv = take(&c, e->argv_len, TTY_LOG_ARGV_MAX, &e->argv_n, &damaged);
	if (damaged || le_left(&c)) {
		snprintf(why, whylen,
			 "EXEC strings: expected filename_len %u + argv_len %u to fill %u bytes; kept %zu + %zu",
			 e->filename_len, e->argv_len, r->len - TTY_LOG_EXEC_SIZE,
			 e->filename_n, e->argv_n);
		return 1;
	}
	return 0;
}

int wire_loss_decode(const struct wire_rec *r, struct wire_loss *l,
		     char *why, size_t whylen)
{
	struct le_cur c;

	le_init(&c, r->payload, r->len);
	l->records = le_u64(&c);
	l->bytes = le_u64(&c);
	if (c.bad) {
		snprintf(why, whylen, "LOSS payload: expected %d bytes, found %u",
			 TTY_LOG_LOSS_SIZE, r->len);
		return -1;
	}
	if (le_left(&c)) {
		snprintf(why, whylen, "LOSS payload: expected %d bytes, found %u",
			 TTY_LOG_LOSS_SIZE, r->len);
		return 1;
	}
	return 0;
}
