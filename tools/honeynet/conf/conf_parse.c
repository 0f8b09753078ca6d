// SPDX-License-Identifier: GPL-2.0
/* The `setting = value` line format of honeywall.conf and honeynet.conf: lines, sections, settings, messages. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf_parse.h"

#define WHITESPACE " \t\r\v\f"

/* The file's name and the values in messages are cut short, so neither a
 * long path nor a hostile line can crowd out the explanation. */
int conf_fail(struct conf_parse *p, const char *fmt, ...)
{
	size_t used = 0;
	va_list ap;
	int n = 0;

	if (p->errlen == 0)
		return -1;
	if (p->file && p->line)
		n = snprintf(p->err, p->errlen, "%.200s:%u: ", p->file, p->line);
	else if (p->file)
		n = snprintf(p->err, p->errlen, "%.200s: ", p->file);
	else if (p->line)
		n = snprintf(p->err, p->errlen, "line %u: ", p->line);
	used = n < 0 ? 0 : (size_t)n < p->errlen ? (size_t)n : p->errlen - 1;
	if (p->section) {
		n = snprintf(p->err + used, p->errlen - used, "%s: ", p->section);
		used += n < 0 ? 0 : (size_t)n < p->errlen - used ? (size_t)n :
		       p->errlen - used - 1;
	}
	va_start(ap, fmt);
	vsnprintf(p->err + used, p->errlen - used, fmt, ap);
	va_end(ap);
	return -1;
}

/* Ends the string at start where its trailing whitespace before end begins. */
static void trim_end(char *start, char *end)
{
	while (end > start && strchr(WHITESPACE, end[-1]))
		end--;
	*end = '\0';
}

/* A `[header]` line's inside, trimmed; value NULL tells fn it is one. */
static int section_line(struct conf_parse *p, void *ctx, char *line,
			int (*fn)(struct conf_parse *, void *, char *, char *))
{
	char *end = line + strlen(line), *inside = line + 1;

	trim_end(line, end);
	end = line + strlen(line);
	if (end[-1] != ']')
		return conf_fail(p, "\"%.32s\": a section header ends in ']'", line);
	inside += strspn(inside, WHITESPACE);
	trim_end(inside, end - 1);
	return fn(p, ctx, inside, NULL);
}

/* line is one line's bytes, NUL-terminated, comment and all. */
static int parse_line(struct conf_parse *p, void *ctx, char *line,
		      int (*fn)(struct conf_parse *, void *, char *, char *))
{
	char *hash = strchr(line, '#'), *eq, *key, *value;

	if (hash)
		*hash = '\0';
	key = line + strspn(line, WHITESPACE);
	if (*key == '\0')
		return 0;
	if (*key == '[')
		return section_line(p, ctx, key, fn);
	eq = strchr(key, '=');
	if (!eq)
		return conf_fail(p, "\"%.32s\": expected `setting = value`", key);
	value = eq + 1 + strspn(eq + 1, WHITESPACE);
	trim_end(key, eq);
	trim_end(value, value + strlen(value));
	if (*key == '\0')
		return conf_fail(p, "a setting name is needed before '='");
	if (*value == '\0')
		return conf_fail(p, "%.32s: needs a value", key);
	return fn(p, ctx, key, value);
}

int conf_parse_text(struct conf_parse *p, const char *text,
		    int (*fn)(struct conf_parse *p, void *ctx, char *key, char *value),
		    void *ctx)
{
	char line[CONF_LINE_MAX];
	int rc;

	p->line = 0;
	while (*text) {
		size_t n = strcspn(text, "\n");

		p->line++;
		if (n >= sizeof(line))
			return conf_fail(p, "longer than %zu bytes", sizeof(line) - 1);
		memcpy(line, text, n);
		line[n] = '\0';
		rc = parse_line(p, ctx, line, fn);
		if (rc)
			return rc;
		text += n + (text[n] == '\n');
	}
	p->line = 0;
	return 0;
}

size_t conf_key_index(const struct conf_key *keys, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n && strcmp(keys[i].name, name); i++)
		;
	return i;
}

int conf_set(struct conf_parse *p, const struct conf_key *keys, size_t n,
	     unsigned int *lines, void *ctx, const char *key, const char *value)
{
	size_t i = conf_key_index(keys, n, key);

	if (i == n)
		return 1;
	if (!keys[i].repeatable && lines[i])
		return conf_fail(p, "%s: already set on line %u", key, lines[i]);
	lines[i] = p->line;
	return keys[i].set(ctx, key, value);
}

static int read_text(FILE *f, char *buf, size_t len, const char *path,
		     char *err, size_t errlen)
{
	size_t n = fread(buf, 1, len, f);

	if (ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (n == len) {
		snprintf(err, errlen, "%s: longer than %d bytes", path, CONF_FILE_MAX);
		return -1;
	}
	buf[n] = '\0';
	if (strlen(buf) != n) {
		snprintf(err, errlen, "%s: contains a NUL byte; not a text config",
			 path);
		return -1;
	}
	return 0;
}

int conf_read_file(const char *path, char **text, char *err, size_t errlen)
{
	char *buf = malloc(CONF_FILE_MAX + 1);
	FILE *f;
	int rc = -1;

	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	} else {
		rc = read_text(f, buf, CONF_FILE_MAX + 1, path, err, errlen);
		fclose(f);
	}
	if (rc) {
		free(buf);
		return -1;
	}
	*text = buf;
	return 0;
}
