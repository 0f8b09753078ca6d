// SPDX-License-Identifier: GPL-2.0
/* The persona's read side: /proc paths to patterns, lookups, and filters. */
#if defined(__KERNEL__) && !defined(__UM_HOST__)
#include <linux/string.h>
#else
#include <string.h>
#endif

#include "persona.h"

static int all_digits(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return 1;
}

/* The length of the component at s[0..n), up to its '/' or the end. */
static size_t component(const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);

	return slash ? (size_t)(slash - s) : n;
}

int persona_normalize(const char *procpath, size_t len,
		      char out[PERSONA_PATH_MAX + 1])
{
	size_t i = 0, o = 0, c, next;
	int pid_before = 0;	/* the last component written was a pid */

	while (i < len) {
		c = component(procpath + i, len - i);
		next = i + c + 1;	/* the component after this one */
		/* pid/task/tid is the thread's view of pid: fold it in. */
		if (pid_before && c == 4 && memcmp(procpath + i, "task", 4) == 0 &&
		    next < len &&
		    all_digits(procpath + next, component(procpath + next,
							  len - next))) {
			i = next + component(procpath + next, len - next) + 1;
			continue;
		}
		if (o > 0) {
			if (o >= PERSONA_PATH_MAX)
				return -1;
			out[o++] = '/';
		}
		pid_before = all_digits(procpath + i, c);
		if (pid_before) {
			if (o + 1 > PERSONA_PATH_MAX)
				return -1;
			out[o++] = '*';
		} else {
			if (o + c > PERSONA_PATH_MAX)
				return -1;
			memcpy(out + o, procpath + i, c);
			o += c;
		}
		i = next;
	}
	out[o] = '\0';
	return 0;
}

const struct persona_entry *persona_find(const struct persona *p,
					 const char *path)
{
	unsigned int i;

	for (i = 0; i < p->nentries; i++) {
		if (strcmp(p->entry[i].path, path) == 0)
			return &p->entry[i];
	}
	return NULL;
}

/* The result being built: bytes past cap are counted, never written. */
struct sink {
	char *out;
	size_t cap;
	size_t len;
};

static void put(struct sink *s, const char *p, size_t n)
{
	if (s->len < s->cap)
		memcpy(s->out + s->len, p,
		       n < s->cap - s->len ? n : s->cap - s->len);
	s->len += n;
}

/*
 * Each rule is a stage a record's bytes flow through, in file order, and
 * the stage after the last is the sink. A replace or delete stage keeps
 * how much of its string the bytes just seen match (k); the bytes held
 * back are then always a[0..k), so no stage needs a buffer. A stage's
 * input is a run of bytes in stable memory (the record, or a rule's
 * strings), and a stage passes on runs, so the whole record is pushed
 * through with one run per stage and no recursion.
 */
struct stage {
	const char *p;		/* the run this stage has still to take */
	size_t n;
	unsigned int k;		/* bytes of the rule's a matched so far */
};

struct pipe {
	const struct persona_filter *f;
	struct stage st[PERSONA_RULES_MAX + 1];
	struct sink *s;
	int dropped;
};

/*
 * After a mismatch with a[0..k) held back, the smallest shift d such that
 * a[d..k) still starts a: a[0..d) can start no match and is passed on.
 */
static unsigned int shift(const char *a, unsigned int k)
{
	unsigned int d;

	for (d = 1; d < k; d++) {
		if (memcmp(a + d, a, k - d) == 0)
			return d;
	}
	return k;
}

/*
 * Feeds stage i from its run until it has a run for stage i + 1 (set and
 * returned as 1) or its run is used up (0). Each occurrence of a is
 * replaced left to right; the replacement is not scanned again.
 */
static int feed_replace(struct pipe *pp, unsigned int i)
{
	const struct persona_rule *r = &pp->f->rule[i];
	struct stage *st = &pp->st[i], *next = &pp->st[i + 1];
	unsigned int d;
	size_t run;

	while (st->n > 0) {
		if (st->k == 0) {
			/* Pass on every byte that cannot start a match. */
			for (run = 0; run < st->n && st->p[run] != r->a[0]; run++)
				;
			if (run > 0) {
				next->p = st->p;
				next->n = run;
				st->p += run;
				st->n -= run;
				return 1;
			}
		}
		if (st->p[0] == r->a[st->k]) {
			st->p++;
			st->n--;
			if (++st->k < r->alen)
				continue;
			st->k = 0;
			next->p = r->b;
			next->n = r->blen;
			return 1;
		}
		d = shift(r->a, st->k);
		st->k -= d;
		next->p = r->a;
		next->n = d;
		return 1;
	}
	return 0;
}

/* Whether the record, as it reaches a delete stage, contains a. */
static int scan_delete(const struct persona_rule *r, struct stage *st)
{
	size_t j;

	for (j = 0; j < st->n; j++) {
		while (st->k > 0 && st->p[j] != r->a[st->k])
			st->k -= shift(r->a, st->k);
		if (st->p[j] == r->a[st->k] && ++st->k == r->alen)
			return 1;
	}
	return 0;
}

/*
 * Whether the record, as it reaches a delete-prefix stage, starts with a;
 * k counts the bytes compared, and goes past alen once it cannot.
 */
static int scan_prefix(const struct persona_rule *r, struct stage *st)
{
	size_t want;

	if (st->k > r->alen)
		return 0;
	want = r->alen - st->k;
	if (want > st->n)
		want = st->n;
	if (memcmp(st->p, r->a + st->k, want) != 0) {
		st->k = r->alen + 1;
		return 0;
	}
	st->k += want;
	return st->k == r->alen;
}

/*
 * Stage i takes its run and passes what comes out to stage i + 1; returns
 * 1 if stage i + 1 now has a run, 0 if stage i is done. A delete that
 * matches drops the record.
 */
static int step(struct pipe *pp, unsigned int i)
{
	const struct persona_rule *r = &pp->f->rule[i];
	struct stage *st = &pp->st[i];
	int hit = 0;

	switch (r->op) {
	case PERSONA_OP_REPLACE:
		if (r->alen > 0)
			return feed_replace(pp, i);
		break;
	case PERSONA_OP_DELETE:
		hit = r->alen > 0 && scan_delete(r, st);
		break;
	case PERSONA_OP_DELETE_PREFIX:
		hit = r->alen > 0 && scan_prefix(r, st);
		break;
	case PERSONA_OP_APPEND:
		break;
	}
	if (hit) {
		pp->dropped = 1;
		return 0;
	}
	if (st->n == 0)
		return 0;
	pp->st[i + 1] = (struct stage){ st->p, st->n, pp->st[i + 1].k };
	st->n = 0;
	return 1;
}

/* Pushes stage from's run down the pipe until every stage is idle. */
static void drain(struct pipe *pp, unsigned int from)
{
	unsigned int n = pp->f->nrules, i = from;

	while (!pp->dropped) {
		if (i == n) {
			put(pp->s, pp->st[n].p, pp->st[n].n);
			pp->st[n].n = 0;
		} else if (step(pp, i)) {
			i++;
			continue;
		}
		if (i == from)
			return;
		i--;
	}
}

/* One record, without its separator, through every rule; 0 if dropped. */
static int filter_record(struct pipe *pp, const char *rec, size_t len)
{
	const struct persona_rule *r;
	unsigned int i;

	pp->dropped = 0;
	for (i = 0; i <= pp->f->nrules; i++)
		pp->st[i].k = 0;
	pp->st[0].p = rec;
	pp->st[0].n = len;
	drain(pp, 0);
	/* At the record's end, what a replace held back is no match. */
	for (i = 0; i < pp->f->nrules && !pp->dropped; i++) {
		r = &pp->f->rule[i];
		if (r->op != PERSONA_OP_REPLACE || pp->st[i].k == 0)
			continue;
		pp->st[i + 1].p = r->a;
		pp->st[i + 1].n = pp->st[i].k;
		pp->st[i].k = 0;
		drain(pp, i + 1);
	}
	return !pp->dropped;
}

/*
 * A last record without its separator keeps it off, unless records are
 * appended after it: they stay records of their own.
 */
size_t persona_filter_apply(const struct persona_filter *f, const char *in,
			    size_t inlen, char *out, size_t cap)
{
	struct sink s = { out, cap, 0 };
	struct pipe pp = { .f = f, .s = &s };
	const char *end;
	size_t pos = 0, mark, len;
	unsigned int i;
	int open_record = 0;	/* the output ends in a record without sep */

	while (pos < inlen) {
		end = memchr(in + pos, f->sep, inlen - pos);
		len = end ? (size_t)(end - (in + pos)) : inlen - pos;
		mark = s.len;
		if (!filter_record(&pp, in + pos, len))
			s.len = mark;
		else if (end)
			put(&s, &f->sep, 1);
		else
			open_record = 1;
		pos += len + (end ? 1 : 0);
	}
	for (i = 0; i < f->nrules; i++) {
		if (f->rule[i].op != PERSONA_OP_APPEND)
			continue;
		if (open_record)
			put(&s, &f->sep, 1);
		open_record = 0;
		put(&s, f->rule[i].a, f->rule[i].alen);
		put(&s, &f->sep, 1);
	}
	return s.len;
}
