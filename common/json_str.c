// SPDX-License-Identifier: GPL-2.0
/* JSON string text from bytes a guest or a recording chose: one escaping policy for events.jsonl and the asciicast export. */
#include <stdio.h>
#include <string.h>

#include "json_str.h"
#include "utf8.h"

/* How many bytes at p pass as they are (printable ASCII but '"' and '\', or one valid UTF-8 character); 0: p[0] is escaped. */
static size_t literal(const unsigned char *p, size_t n)
{
	int k;

	if (p[0] < 0x80)
		return p[0] >= 0x20 && p[0] != 0x7f && p[0] != '"' && p[0] != '\\';
	k = utf8_char_len(p, n);
	return k > 1 ? (size_t)k : 0;
}

/* The escape of byte c; bad: c is not part of valid UTF-8. */
static void escape(unsigned char c, int bad, unsigned int flags, char out[8])
{
	static const char short_esc[] = "btn\0fr";	/* 0x08..0x0d; 0x0b has none */

	if (bad && (flags & JSON_STR_FFFD))
		snprintf(out, 8, "\\ufffd");
	else if (c == '"' || c == '\\')
		snprintf(out, 8, "\\%c", c);
	else if ((flags & JSON_STR_SHORT) && c >= 0x08 && c <= 0x0d && short_esc[c - 0x08])
		snprintf(out, 8, "\\%c", short_esc[c - 0x08]);
	else
		snprintf(out, 8, "\\u%04x", c);
}

static void put_run(json_put_fn *put, void *ctx, const unsigned char *p, size_t n)
{
	if (n)
		put(ctx, (const char *)p, n);
}

size_t json_str(const void *s, size_t n, unsigned int flags, json_put_fn *put, void *ctx,
		size_t *first_bad)
{
	const unsigned char *p = s;
	size_t i = 0, start = 0, k, bad = 0;
	char e[8];

	while (i < n) {
		k = literal(p + i, n - i);
		if (k) {
			i += k;
			continue;
		}
		put_run(put, ctx, p + start, i - start);
		if (p[i] >= 0x80 && bad++ == 0 && first_bad)
			*first_bad = i;
		escape(p[i], p[i] >= 0x80, flags, e);
		put(ctx, e, strlen(e));
		start = ++i;
	}
	put_run(put, ctx, p + start, n - start);
	return bad;
}
