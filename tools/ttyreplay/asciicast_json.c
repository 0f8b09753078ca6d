// SPDX-License-Identifier: GPL-2.0
/* The asciicast export's JSON strings: common/json_str.h's policy with short escapes and U+FFFD, bad bytes counted. */
#include "asciicast_json.h"
#include "json_str.h"

static void put_file(void *ctx, const char *s, size_t n)
{
	fwrite(s, 1, n, ctx);
}

void json_string(FILE *out, const unsigned char *p, size_t n, uint64_t base,
		 char stream, struct utf8_report *rep)
{
	size_t first = 0, bad;

	putc('"', out);
	bad = json_str(p, n, JSON_STR_SHORT | JSON_STR_FFFD, put_file, out, &first);
	putc('"', out);
	if (bad && rep->bad == 0) {
		rep->first = base + first;
		rep->first_stream = stream;
	}
	rep->bad += bad;
}
