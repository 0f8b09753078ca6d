// SPDX-License-Identifier: GPL-2.0
/* /etc/hosts's 127.0.1.1 line moved from the image's hostname to the honeypot's. */
#include <string.h>

#include "hosts_rename.h"

struct out {
	char *p;
	size_t len, cap;
	int full;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (o->full || o->len + n >= o->cap) {
		o->full = 1;
		return;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

/* What the token tok (n bytes) of a 127.0.1.1 line becomes; NULL: kept. */
static const char *renamed(const char *tok, size_t n, const char *old, const char *new_name,
			   size_t *out_n, const char **domain, size_t *domain_n)
{
	size_t old_n = strlen(old);
	const char *dot = strchr(new_name, '.');

	*domain = NULL;
	*domain_n = 0;
	if (old_n == 0 || n < old_n || memcmp(tok, old, old_n))
		return NULL;
	if (n == old_n) {
		*out_n = dot ? (size_t)(dot - new_name) : strlen(new_name);
		return new_name;
	}
	if (tok[old_n] != '.')
		return NULL;
	*out_n = strlen(new_name);
	if (!dot) {
		*domain = tok + old_n;
		*domain_n = n - old_n;
	}
	return new_name;
}

/* One line (without its newline); returns whether it renamed anything. */
static int rename_line(struct out *o, const char *line, size_t n, const char *old,
		       const char *new_name)
{
	static const char ws[] = " \t";
	size_t i = 0, tok_n, rep_n, dom_n;
	const char *rep, *dom;
	int first = 1, is_local = 0, changed = 0;

	while (i < n) {
		/* The line ends at a newline, which stops strspn within it. */
		size_t sp = strspn(line + i, ws);

		put(o, line + i, sp);
		i += sp;
		if (i == n || line[i] == '#')
			break;
		for (tok_n = 0; i + tok_n < n && !strchr(ws, line[i + tok_n]); tok_n++)
			;
		rep = NULL;
		if (first)
			is_local = tok_n == 9 && memcmp(line + i, "127.0.1.1", 9) == 0;
		else if (is_local)
			rep = renamed(line + i, tok_n, old, new_name, &rep_n, &dom, &dom_n);
		if (rep) {
			put(o, rep, rep_n);
			put(o, dom, dom_n);
			changed = 1;
		} else {
			put(o, line + i, tok_n);
		}
		i += tok_n;
		first = 0;
	}
	put(o, line + i, n - i);
	return changed;
}

int hosts_rename(const char *hosts, const char *old, const char *new_name,
		 char *out, size_t outlen)
{
	struct out o = { .p = out, .cap = outlen };
	const char *line = hosts, *nl;
	int changed = 0;

	while (*line) {
		nl = strchr(line, '\n');
		changed |= rename_line(&o, line, nl ? (size_t)(nl - line) : strlen(line),
				       old, new_name);
		if (!nl)
			break;
		put(&o, "\n", 1);
		line = nl + 1;
	}
	if (o.full || outlen == 0)
		return -1;
	out[o.len] = '\0';
	return changed;
}
