// SPDX-License-Identifier: GPL-2.0
/* The archive's tty session record: the UML/Cowrie ttylog layout, 24 bytes LE. */
#include "byteorder.h"
#include "ttylog.h"

void ttylog_put(unsigned char out[TTYLOG_HEADER_SIZE], const struct ttylog_rec *r)
{
	put_le32(out, r->op);
	put_le32(out + 4, r->tty);
	put_le32(out + 8, r->len);
	put_le32(out + 12, r->dir);
	put_le32(out + 16, r->sec);
	put_le32(out + 20, r->usec);
}

int ttylog_get(const unsigned char in[TTYLOG_HEADER_SIZE], struct ttylog_rec *r)
{
	r->op = get_le32(in);
	r->tty = get_le32(in + 4);
	r->len = get_le32(in + 8);
	r->dir = get_le32(in + 12);
	r->sec = get_le32(in + 16);
	r->usec = get_le32(in + 20);
	if (r->op < TTYLOG_OP_OPEN || r->op > TTYLOG_OP_EXEC)
		return -1;
	if (r->dir > TTYLOG_DIR_EXEC)
		return -1;
	return r->len > TTYLOG_MAX_LEN ? -1 : 0;
}
