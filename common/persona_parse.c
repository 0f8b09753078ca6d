// SPDX-License-Identifier: GPL-2.0
/* The persona's text side: file names to patterns, and filter files to rules. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "persona.h"

/* How much of an offending token a message quotes. */
#define TOKEN_SHOWN 40

static const char *const suffix_remove = ".remove";
static const char *const suffix_filter = ".filter";

static int fail(struct persona_error *err, unsigned int line,
		const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(struct persona_error *err, unsigned int line,
		const char *fmt, ...)
{
	va_list ap;

	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr("._:@+-", c);
}

/* One path component s[0..n): a name, or exactly "*". */
static int check_component(const char *s, size_t n, struct persona_error *err)
{
	size_t i;

	if (n == 0)
		return fail(err, 0, "empty path component");
	if (n == 1 && s[0] == '*')
		return 0;
	if ((n == 1 && s[0] == '.') || (n == 2 && memcmp(s, "..", 2) == 0))
		return fail(err, 0, "path component \"%.*s\" is not allowed",
			    (int)n, s);
	for (i = 0; i < n; i++) {
		if (s[i] == '\0' || !name_char(s[i]))
			return fail(err, 0,
				    "character 0x%02x in \"%.*s\"; use A-Z a-z 0-9 . _ : @ + - or a lone *",
				    (unsigned char)s[i],
				    n > TOKEN_SHOWN ? TOKEN_SHOWN : (int)n, s);
	}
	return 0;
}

int persona_parse_name(const char *relpath, char pattern[PERSONA_PATH_MAX + 1],
		       enum persona_kind *kind, struct persona_error *err)
{
	size_t n = strlen(relpath), i, c;
	unsigned int depth = 0;

	*kind = PERSONA_REPLACE;
	if (ends_with(relpath, n, suffix_remove)) {
		*kind = PERSONA_REMOVE;
		n -= strlen(suffix_remove);
	} else if (ends_with(relpath, n, suffix_filter)) {
		*kind = PERSONA_FILTER;
		n -= strlen(suffix_filter);
	}
	if (*kind != PERSONA_REPLACE && (n == 0 || relpath[n - 1] == '/'))
		return fail(err, 0, "\"%s\" has no name before its suffix",
			    *kind == PERSONA_REMOVE ? suffix_remove :
						      suffix_filter);
	if (n > PERSONA_PATH_MAX)
		return fail(err, 0, "pattern of %zu bytes; at most %d", n,
			    PERSONA_PATH_MAX);
	for (i = 0; i <= n; i += c + 1) {
		c = strcspn(relpath + i, "/");
		if (i + c > n)
			c = n - i;
		if (++depth > PERSONA_DEPTH_MAX)
			return fail(err, 0, "more than %d path components",
				    PERSONA_DEPTH_MAX);
		if (check_component(relpath + i, c, err))
			return -1;
	}
	/* The kernel leaves /proc/sys alone: an entry there would do nothing. */
	if (strncmp(relpath, "sys", 3) == 0 && (n == 3 || relpath[3] == '/'))
		return fail(err, 0, "/proc/sys is not masked; remove this entry");
	memcpy(pattern, relpath, n);
	pattern[n] = '\0';
	return 0;
}

/* A filter file's text, read a line at a time. */
struct cursor {
	const char *p;		/* the current position in the line */
	const char *end;	/* the line's end (its '\n' or the text's) */
	unsigned int line;
};

static void skip_blanks(struct cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

static int hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The escape after a backslash at c->p into *out; c->p moves past it. */
static int parse_escape(struct cursor *c, char *out, struct persona_error *err)
{
	static const char from[] = "\\\"nt0", to[] = "\\\"\n\t\0";
	const char *hit;
	int hi, lo;

	if (c->p >= c->end)
		return fail(err, c->line, "unterminated string");
	hit = memchr(from, *c->p, sizeof(from) - 1);
	if (hit) {
		*out = to[hit - from];
		c->p++;
		return 0;
	}
	if (*c->p == 'x') {
		hi = c->end - c->p >= 3 ? hex_digit(c->p[1]) : -1;
		lo = c->end - c->p >= 3 ? hex_digit(c->p[2]) : -1;
		if (hi >= 0 && lo >= 0) {
			*out = (char)(hi << 4 | lo);
			c->p += 3;
			return 0;
		}
		return fail(err, c->line, "bad escape \\%.*s; \\x takes two hex digits",
			    c->end - c->p >= 3 ? 3 : (int)(c->end - c->p), c->p);
	}
	return fail(err, c->line, "bad escape \\%c; use \\\\ \\\" \\n \\t \\0 or \\xHH",
		    *c->p);
}

/* A quoted string at c->p into buf; *len its length. 1 if there is none. */
static int parse_string(struct cursor *c, char buf[PERSONA_TEXT_MAX],
			unsigned int *len, struct persona_error *err)
{
	char ch;

	skip_blanks(c);
	if (c->p >= c->end || *c->p != '"')
		return 1;
	c->p++;
	*len = 0;
	for (;;) {
		if (c->p >= c->end)
			return fail(err, c->line, "unterminated string");
		ch = *c->p++;
		if (ch == '"')
			return 0;
		if (ch == '\\' && parse_escape(c, &ch, err))
			return -1;
		if (*len >= PERSONA_TEXT_MAX)
			return fail(err, c->line, "string longer than %d bytes",
				    PERSONA_TEXT_MAX);
		buf[(*len)++] = ch;
	}
}

static const struct {
	const char *name;
	enum persona_op op;
	unsigned int nstrings;
} rule_names[] = {
	{ "delete", PERSONA_OP_DELETE, 1 },
	{ "delete-prefix", PERSONA_OP_DELETE_PREFIX, 1 },
	{ "replace", PERSONA_OP_REPLACE, 2 },
	{ "append", PERSONA_OP_APPEND, 1 },
};

/* The strings of rule k: one or two, the first non-empty but for append. */
static int parse_rule(struct cursor *c, size_t k, struct persona_rule *r,
		      struct persona_error *err)
{
	const char *name = rule_names[k].name;
	int rc;

	r->op = rule_names[k].op;
	r->blen = 0;
	rc = parse_string(c, r->a, &r->alen, err);
	if (rc == 0 && rule_names[k].nstrings == 2)
		rc = parse_string(c, r->b, &r->blen, err);
	if (rc > 0)
		return fail(err, c->line, "%s needs %s", name,
			    rule_names[k].nstrings == 2 ? "two strings" :
							  "a string");
	if (rc < 0)
		return -1;
	if (r->alen == 0 && r->op != PERSONA_OP_APPEND)
		return fail(err, c->line, "%s of an empty string", name);
	return 0;
}

static int parse_separator(struct cursor *c, struct persona_filter *f,
			   int *seen, struct persona_error *err)
{
	const char *word;
	size_t n;

	skip_blanks(c);
	word = c->p;
	while (c->p < c->end && *c->p != ' ' && *c->p != '\t')
		c->p++;
	n = (size_t)(c->p - word);
	if (*seen)
		return fail(err, c->line, "separator given twice");
	*seen = 1;
	if (n == 3 && memcmp(word, "nul", 3) == 0)
		f->sep = '\0';
	else if (n == 7 && memcmp(word, "newline", 7) == 0)
		f->sep = '\n';
	else
		return fail(err, c->line, "separator must be nul or newline, not \"%.*s\"",
			    n > TOKEN_SHOWN ? TOKEN_SHOWN : (int)n, word);
	return 0;
}

/* One non-blank, non-comment line: a rule, or the separator. */
static int parse_line(struct cursor *c, struct persona_filter *f, int *sep_seen,
		      struct persona_error *err)
{
	const char *word = c->p;
	size_t n, k;

	while (c->p < c->end && *c->p != ' ' && *c->p != '\t')
		c->p++;
	n = (size_t)(c->p - word);
	if (n == 9 && memcmp(word, "separator", 9) == 0) {
		if (parse_separator(c, f, sep_seen, err))
			return -1;
	} else {
		for (k = 0; k < sizeof(rule_names) / sizeof(rule_names[0]); k++) {
			if (strlen(rule_names[k].name) == n &&
			    memcmp(rule_names[k].name, word, n) == 0)
				break;
		}
		if (k == sizeof(rule_names) / sizeof(rule_names[0]))
			return fail(err, c->line, "unknown rule \"%.*s\"",
				    n > TOKEN_SHOWN ? TOKEN_SHOWN : (int)n, word);
		if (f->nrules >= PERSONA_RULES_MAX)
			return fail(err, c->line, "more than %d rules",
				    PERSONA_RULES_MAX);
		if (parse_rule(c, k, &f->rule[f->nrules], err))
			return -1;
		f->nrules++;
	}
	skip_blanks(c);
	if (c->p < c->end)
		return fail(err, c->line, "trailing text after the rule: \"%.*s\"",
			    c->end - c->p > TOKEN_SHOWN ? TOKEN_SHOWN :
							  (int)(c->end - c->p),
			    c->p);
	return 0;
}

int persona_parse_filter(const char *text, size_t len,
			 struct persona_filter *f, struct persona_error *err)
{
	const char *p = text, *end = text + len, *nl;
	struct cursor c = { .line = 0 };
	int sep_seen = 0;

	f->sep = '\n';
	f->nrules = 0;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		c.p = p;
		c.end = nl ? nl : end;
		c.line++;
		p = nl ? nl + 1 : end;
		skip_blanks(&c);
		if (c.p == c.end || *c.p == '#')
			continue;
		if (parse_line(&c, f, &sep_seen, err))
			return -1;
	}
	return 0;
}

void persona_error_format(const struct persona_error *err, char *buf,
			  size_t size)
{
	if (err->line)
		snprintf(buf, size, "%s:%u: %s", err->file, err->line, err->msg);
	else
		snprintf(buf, size, "%s: %s", err->file, err->msg);
}
