/* SPDX-License-Identifier: GPL-2.0 */
/* JSON string text from bytes a guest or a recording chose: one escaping policy for events.jsonl and the asciicast export. */
#ifndef JSON_STR_H
#define JSON_STR_H

#include <stddef.h>

/*
 * The policy. '"' and '\' get a backslash. Control bytes (0x00..0x1f) and
 * DEL become \u00XX (lower-case hex). Valid UTF-8 (utf8.h: complete, no
 * overlong form, surrogate or code point past U+10FFFF) passes as it is,
 * and so does printable ASCII. Each byte that is not part of valid UTF-8
 * becomes \u00XX of its value: the line stays valid JSON and the byte
 * value stays visible, though a reader cannot tell it from a real
 * U+0080..U+00FF. Two knobs keep each output as its readers know it:
 *   JSON_STR_SHORT  \b \t \n \f \r for those five control bytes, as
 *                   terminal recordings (asciicast) usually carry them;
 *   JSON_STR_FFFD   a byte that is not valid UTF-8 becomes \ufffd (the
 *                   replacement character a player shows), and is counted.
 * events.jsonl uses neither (forensics: the byte value is kept); ttyreplay's
 * asciicast export uses both.
 */
#define JSON_STR_SHORT 1
#define JSON_STR_FFFD 2

/* Receives the text in pieces (n > 0). */
typedef void json_put_fn(void *ctx, const char *s, size_t n);

/*
 * Writes the inside of a JSON string for n bytes of s (no quotes) through
 * put. Returns how many bytes were not valid UTF-8; *first_bad (if not
 * NULL and there was one) gets the offset of the first.
 */
size_t json_str(const void *s, size_t n, unsigned int flags, json_put_fn *put, void *ctx,
		size_t *first_bad);

#endif
