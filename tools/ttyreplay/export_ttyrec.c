// SPDX-License-Identifier: GPL-2.0
/* Exports a session's output stream as ttyrec (ttyplay, ipbt, termplay). */
#include <math.h>

#include "byteorder.h"
#include "export.h"
#include "timeline.h"

int export_ttyrec(struct session *s, const struct export_opts *o, FILE *out)
{
	struct timeline tl;
	struct ttylog_rec r;
	const unsigned char *p;
	unsigned char hdr[12];
	int64_t origin = 0, at;

	timeline_init(&tl, o->speed, o->maxidle, 0);
	while (session_next(s, &r, &p)) {
		if (!tl.started)
			origin = (int64_t)r.sec * 1000000 + r.usec;
		else if (r.op != TTYLOG_OP_WRITE || r.dir != TTYLOG_DIR_WRITE)
			continue;
		timeline_next(&tl, r.sec, r.usec);
		if (r.op != TTYLOG_OP_WRITE || r.dir != TTYLOG_DIR_WRITE || !r.len)
			continue;
		/* Stamps from the clamped timeline: they never run backwards. */
		at = origin + llround(tl.elapsed * 1e6);
		put_le32(hdr, (uint32_t)(at / 1000000));
		put_le32(hdr + 4, (uint32_t)(at % 1000000));
		put_le32(hdr + 8, r.len);
		fwrite(hdr, 1, sizeof(hdr), out);
		fwrite(p, 1, r.len, out);
	}
	return fflush(out) || ferror(out) ? -1 : 0;
}
