// SPDX-License-Identifier: GPL-2.0
/* A bounded reader of one flat JSON object (an events.jsonl line), for display only. */
#include <string.h>

#include "watch_json.h"

/*
 * The line is hostd's, but its strings hold what the guest chose (argv,
 * tty names), and a damaged archive may hold anything: every step checks
 * the cursor against the end, values are spans into the line (no copy,
 * no allocation), and nesting is counted, not recursed.
 */
struct cur {
	const char *p, *end;
};

static void skip_space(struct cur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' ||
				 *c->p == '\n'))
		c->p++;
}

static int is_hex(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
	       (ch >= 'A' && ch <= 'F');
}

/* A string at c->p (its '"'); *s, *n get the text between the quotes. */
static int read_string(struct cur *c, const char **s, size_t *n)
{
	const char *p = c->p + 1;
	int i;

	if (c->p >= c->end || *c->p != '"')
		return -1;
	*s = p;
	while (p < c->end && *p != '"') {
		if ((unsigned char)*p < 0x20)
			return -1;
		if (*p++ != '\\')
			continue;
		if (p >= c->end)
			return -1;
		if (*p == 'u') {
			if (c->end - p < 5)
				return -1;
			for (i = 1; i <= 4; i++)
				if (!is_hex(p[i]))
					return -1;
			p += 5;
		} else if (strchr("\"\\/bfnrt", *p) && *p) {
			p++;
		} else {
			return -1;
		}
	}
	if (p >= c->end)
		return -1;
	*n = (size_t)(p - *s);
	c->p = p + 1;
	return 0;
}

static int read_digits(struct cur *c)
{
	const char *start = c->p;

	while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
		c->p++;
	return c->p > start ? 0 : -1;
}

/* A number by JSON's grammar: -?digits(.digits)?([eE][+-]?digits)? */
static int read_number(struct cur *c)
{
	if (c->p < c->end && *c->p == '-')
		c->p++;
	if (read_digits(c))
		return -1;
	if (c->p < c->end && *c->p == '.') {
		c->p++;
		if (read_digits(c))
			return -1;
	}
	if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
		c->p++;
		if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
			c->p++;
		if (read_digits(c))
			return -1;
	}
	return 0;
}

static int read_word(struct cur *c, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n))
		return -1;
	c->p += n;
	return 0;
}

/* A scalar: string, number, true, false or null; *kind says which. */
static int read_scalar(struct cur *c, enum wj_kind *kind)
{
	const char *s;
	size_t n;

	if (c->p >= c->end)
		return -1;
	switch (*c->p) {
	case '"':
		*kind = WJ_STR;
		return read_string(c, &s, &n);
	case 't':
		*kind = WJ_TRUE;
		return read_word(c, "true");
	case 'f':
		*kind = WJ_FALSE;
		return read_word(c, "false");
	case 'n':
		*kind = WJ_NULL;
		return read_word(c, "null");
	default:
		*kind = WJ_NUM;
		return read_number(c);
	}
}

/*
 * An object or array at c->p, walked with a stack of open brackets
 * instead of recursion. *strings is set when it is an array of strings
 * only (the one kind of container the formatter reads).
 */
static int read_container(struct cur *c, int *strings)
{
	char stack[WJ_MAX_DEPTH];
	int depth = 0, want_value;
	enum wj_kind kind;
	const char *s;
	size_t n;

	*strings = *c->p == '[';
	stack[depth++] = *c->p == '[' ? ']' : '}';
	c->p++;
	want_value = 0;
	for (;;) {
		skip_space(c);
		if (c->p >= c->end)
			return -1;
		if (*c->p == stack[depth - 1] && !want_value) {
			c->p++;
			if (--depth == 0)
				return 0;
			goto after_value;
		}
		if (stack[depth - 1] == '}') {
			if (read_string(c, &s, &n))
				return -1;
			skip_space(c);
			if (c->p >= c->end || *c->p != ':')
				return -1;
			c->p++;
			skip_space(c);
		}
		if (c->p < c->end && (*c->p == '[' || *c->p == '{')) {
			if (depth == WJ_MAX_DEPTH)
				return -1;
			*strings = 0;
			stack[depth++] = *c->p == '[' ? ']' : '}';
			c->p++;
			want_value = 0;
			continue;
		}
		if (read_scalar(c, &kind))
			return -1;
		if (kind != WJ_STR)
			*strings = 0;
after_value:
		skip_space(c);
		want_value = 0;
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			want_value = 1;
			continue;
		}
		if (c->p >= c->end || *c->p != stack[depth - 1])
			return -1;
	}
}

static int read_value(struct cur *c, struct wj_member *m)
{
	int strings;

	m->val = c->p;
	if (c->p < c->end && (*c->p == '[' || *c->p == '{')) {
		if (read_container(c, &strings))
			return -1;
		m->kind = strings ? WJ_STRV : WJ_OTHER;
	} else if (read_scalar(c, &m->kind)) {
		return -1;
	}
	m->val_n = (size_t)(c->p - m->val);
	if (m->kind == WJ_STR) {	/* the text between the quotes */
		m->val++;
		m->val_n -= 2;
	}
	return 0;
}

static int read_member(struct cur *c, struct wj_object *o)
{
	struct wj_member *m;

	if (o->n == WJ_MAX_MEMBERS)
		return -1;
	m = &o->m[o->n];
	if (read_string(c, &m->key, &m->key_n))
		return -1;
	skip_space(c);
	if (c->p >= c->end || *c->p != ':')
		return -1;
	c->p++;
	skip_space(c);
	if (read_value(c, m))
		return -1;
	o->n++;
	return 0;
}

int wj_parse(const char *s, size_t n, struct wj_object *o)
{
	struct cur c = { s, s + n };

	o->n = 0;
	skip_space(&c);
	if (c.p >= c.end || *c.p != '{')
		return -1;
	c.p++;
	skip_space(&c);
	if (c.p < c.end && *c.p == '}') {
		c.p++;
		goto end;
	}
	for (;;) {
		if (read_member(&c, o))
			return -1;
		skip_space(&c);
		if (c.p < c.end && *c.p == ',') {
			c.p++;
			skip_space(&c);
			continue;
		}
		if (c.p >= c.end || *c.p != '}')
			return -1;
		c.p++;
		break;
	}
end:
	skip_space(&c);
	return c.p == c.end ? 0 : -1;
}

const struct wj_member *wj_get(const struct wj_object *o, const char *key)
{
	size_t i, n = strlen(key);

	for (i = 0; i < o->n; i++)
		if (o->m[i].key_n == n && memcmp(o->m[i].key, key, n) == 0)
			return &o->m[i];
	return NULL;
}

int wj_u64(const struct wj_object *o, const char *key, uint64_t *v)
{
	const struct wj_member *m = wj_get(o, key);
	uint64_t x = 0;
	size_t i;

	if (!m || m->kind != WJ_NUM)
		return -1;
	for (i = 0; i < m->val_n; i++) {
		unsigned int d = (unsigned int)(m->val[i] - '0');

		if (d > 9 || x > (UINT64_MAX - d) / 10)
			return -1;
		x = x * 10 + d;
	}
	*v = x;
	return 0;
}

const struct wj_member *wj_str(const struct wj_object *o, const char *key)
{
	const struct wj_member *m = wj_get(o, key);

	return m && m->kind == WJ_STR ? m : NULL;
}

int wj_strv_next(const struct wj_member *m, size_t *pos, const char **s, size_t *n)
{
	struct cur c = { m->val + *pos, m->val + m->val_n };

	/* wj_parse checked the array: '[', strings with ',' between, ']'. */
	if (*pos == 0)
		c.p++;
	skip_space(&c);
	if (c.p < c.end && *c.p == ',')
		c.p++;
	skip_space(&c);
	if (c.p >= c.end || *c.p != '"' || read_string(&c, s, n))
		return 0;
	*pos = (size_t)(c.p - m->val);
	return 1;
}

static unsigned int hex_val(char ch)
{
	if (ch >= '0' && ch <= '9')
		return (unsigned int)(ch - '0');
	return (unsigned int)((ch | 0x20) - 'a' + 10);
}

uint32_t wj_str_next(const char *t, size_t n, size_t *i)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *e;
	uint32_t u = 0;
	int k;

	if (t[*i] != '\\' || *i + 1 >= n)
		return (unsigned char)t[(*i)++];
	if (t[*i + 1] == 'u' && n - *i >= 6) {
		for (k = 2; k < 6; k++)
			u = u << 4 | hex_val(t[*i + (size_t)k]);
		*i += 6;
		return u;
	}
	e = strchr(from, t[*i + 1]);
	*i += 2;
	return e && *e ? (unsigned char)to[e - from] : '?';
}
