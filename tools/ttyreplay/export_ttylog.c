// SPDX-License-Identifier: GPL-2.0
/* Exports a session's own records, uncompressed, for Cowrie's playlog. */
#include "export.h"

static void put(FILE *out, const struct ttylog_rec *r, const unsigned char *p)
{
	unsigned char hdr[TTYLOG_HEADER_SIZE];

	ttylog_put(hdr, r);
	fwrite(hdr, 1, sizeof(hdr), out);
	if (r->len)
		fwrite(p, 1, r->len, out);
}

int export_ttylog(struct session *s, FILE *out)
{
	struct ttylog_rec r, lead;
	const unsigned char *p;
	int wrote = 0;

	while (session_next(s, &r, &p)) {
		/* playlog takes the first stream written as the screen: if the
		 * attacker typed first, an empty output write keeps it right. */
		if (r.op == TTYLOG_OP_WRITE && !wrote++ && r.dir == TTYLOG_DIR_READ) {
			lead = r;
			lead.dir = TTYLOG_DIR_WRITE;
			lead.len = 0;
			put(out, &lead, p);
		}
		put(out, &r, p);
	}
	return fflush(out) || ferror(out) ? -1 : 0;
}
