// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: persona_filter_apply over hostile /proc content, against a line-by-line model. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "persona.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus-persona";

/*
 * The input is a filter, then the content: one byte (bit 0: records end
 * in NUL; the rest, modulo 33: the number of rules), each rule as an op
 * byte, a length byte and its string (and for replace a second length
 * byte and string), then one byte choosing a short output buffer, then
 * the content. The filter is the operator's; the content is what the
 * guest's processes put in environ, cmdline and maps, so it is hostile.
 *
 * The oracle is a second implementation, as plain as can be: split the
 * content into records, take each record through the rules one at a
 * time with whole-string operations, then add the appended records.
 * The streaming filter must give the same bytes, the same length when the
 * buffer is too small (and only a prefix of them written), and never
 * write past the buffer.
 */

#define CHECK(c) do { if (!(c)) abort(); } while (0)

/* The model gives up on inputs whose result would pass this (a rule can multiply a record 256 times). */
#define MODEL_MAX (1 << 20)

struct buf {
	char *p;
	size_t n, cap;
	int over;		/* passed MODEL_MAX: the input is skipped */
};

static void add(struct buf *b, const char *p, size_t n)
{
	if (n == 0)
		return;
	if (b->over || n > MODEL_MAX - b->n) {
		b->over = 1;
		return;
	}
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2;
		b->p = realloc(b->p, b->cap);
		CHECK(b->p);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

/* Each a in s replaced by b, left to right, the replacement not looked at again. */
static void replace_all(struct buf *out, const char *s, size_t n, const struct persona_rule *r)
{
	size_t i = 0;

	while (i < n) {
		if (n - i >= r->alen && memcmp(s + i, r->a, r->alen) == 0) {
			add(out, r->b, r->blen);
			i += r->alen;
		} else {
			add(out, s + i, 1);
			i++;
		}
	}
}

static int contains(const char *s, size_t n, const char *a, size_t alen)
{
	return n >= alen && memmem(s, n, a, alen) != NULL;
}

/* One record through every rule; 0 if a delete rule drops it. */
static int model_record(const struct persona_filter *f, const char *rec, size_t len, struct buf *cur)
{
	struct buf next = { 0 };
	unsigned int i;
	int keep = 1;

	cur->n = 0;
	add(cur, rec, len);
	for (i = 0; i < f->nrules && keep && !cur->over; i++) {
		const struct persona_rule *r = &f->rule[i];

		if (r->alen == 0)
			continue;	/* an empty string matches nothing */
		if (r->op == PERSONA_OP_DELETE)
			keep = !contains(cur->p, cur->n, r->a, r->alen);
		if (r->op == PERSONA_OP_DELETE_PREFIX)
			keep = !(cur->n >= r->alen && memcmp(cur->p, r->a, r->alen) == 0);
		if (r->op != PERSONA_OP_REPLACE)
			continue;
		next.n = 0;
		replace_all(&next, cur->p, cur->n, r);
		cur->n = 0;
		add(cur, next.p, next.n);
		cur->over |= next.over;
	}
	free(next.p);
	return keep;
}

/* The whole result, by the plain reading of persona.h. */
static void model(const struct persona_filter *f, const char *in, size_t n, struct buf *out)
{
	struct buf cur = { 0 };
	size_t pos = 0, len;
	const char *end;
	int open = 0;
	unsigned int i;

	while (pos < n && !out->over) {
		end = memchr(in + pos, f->sep, n - pos);
		len = end ? (size_t)(end - (in + pos)) : n - pos;
		if (model_record(f, in + pos, len, &cur)) {
			add(out, cur.p, cur.n);
			out->over |= cur.over;
			if (end)
				add(out, &f->sep, 1);
			else
				open = 1;
		}
		pos += len + (end ? 1 : 0);
	}
	for (i = 0; i < f->nrules; i++) {
		if (f->rule[i].op != PERSONA_OP_APPEND)
			continue;
		if (open)
			add(out, &f->sep, 1);
		open = 0;
		add(out, f->rule[i].a, f->rule[i].alen);
		add(out, &f->sep, 1);
	}
	free(cur.p);
}

/* Takes a length byte and that many bytes (cut at the end) into s. */
static unsigned int take(const uint8_t **d, size_t *n, char *s)
{
	unsigned int len;

	if (*n == 0)
		return 0;
	len = (*d)[0];
	(*d)++;
	(*n)--;
	if (len > *n)
		len = (unsigned int)*n;
	memcpy(s, *d, len);
	*d += len;
	*n -= len;
	return len;
}

static void decode_filter(const uint8_t **d, size_t *n, struct persona_filter *f)
{
	unsigned int i, want;

	f->sep = (*d)[0] & 1 ? '\0' : '\n';
	want = ((*d)[0] >> 1) % (PERSONA_RULES_MAX + 1);
	(*d)++;
	(*n)--;
	for (i = 0; i < want && *n > 0; i++) {
		struct persona_rule *r = &f->rule[f->nrules++];

		r->op = (enum persona_op)((*d)[0] % 4 + PERSONA_OP_DELETE);
		(*d)++;
		(*n)--;
		r->alen = take(d, n, r->a);
		if (r->op == PERSONA_OP_REPLACE)
			r->blen = take(d, n, r->b);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct persona_filter f;
	struct buf want = { 0 };
	size_t len, cap, got;
	char *out;

	if (size < 2)
		return 0;
	memset(&f, 0, sizeof(f));
	decode_filter(&data, &size, &f);
	if (size == 0)
		return 0;
	cap = data[0];
	data++;
	size--;
	model(&f, (const char *)data, size, &want);
	if (want.over) {
		free(want.p);
		return 0;
	}
	len = persona_filter_apply(&f, (const char *)data, size, NULL, 0);
	CHECK(len == want.n);
	/* Exactly the right size, so ASan sees a write past it. */
	out = malloc(len ? len : 1);
	CHECK(out);
	CHECK(persona_filter_apply(&f, (const char *)data, size, out, len) == len);
	CHECK(len == 0 || memcmp(out, want.p, len) == 0);
	free(out);
	if (cap < len) {
		out = malloc(cap ? cap : 1);
		CHECK(out);
		got = persona_filter_apply(&f, (const char *)data, size, out, cap);
		CHECK(got == len && (cap == 0 || memcmp(out, want.p, cap) == 0));
		free(out);
	}
	free(want.p);
	return 0;
}
