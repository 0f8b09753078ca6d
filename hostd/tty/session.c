// SPDX-License-Identifier: GPL-2.0
/* Open tty sessions: a bounded table keyed by the kernel's session counter, and their file names. */
#include <stdio.h>
#include <string.h>

#include "safename.h"
#include "session.h"

void session_table_init(struct session_table *t)
{
	memset(t, 0, sizeof(*t));
}

struct session *session_find(struct session_table *t, uint32_t id)
{
	size_t i;

	if (!(t->last && t->last->used && t->last->id == id)) {
		for (i = 0; i < HOSTD_MAX_SESSIONS; i++)
			if (t->s[i].used && t->s[i].id == id)
				break;
		if (i == HOSTD_MAX_SESSIONS)
			return NULL;
		t->last = &t->s[i];
	}
	t->last->active = ++t->clock;
	return t->last;
}

struct session *session_add(struct session_table *t, uint32_t id)
{
	size_t i;

	for (i = 0; i < HOSTD_MAX_SESSIONS; i++) {
		if (!t->s[i].used) {
			memset(&t->s[i], 0, sizeof(t->s[i]));
			t->s[i].used = 1;
			t->s[i].id = id;
			t->s[i].active = ++t->clock;
			t->n_open++;
			return &t->s[i];
		}
	}
	return NULL;
}

struct session *session_lru(struct session_table *t)
{
	struct session *lru = NULL;
	size_t i;

	for (i = 0; i < HOSTD_MAX_SESSIONS; i++)
		if (t->s[i].used && (!lru || t->s[i].active < lru->active))
			lru = &t->s[i];
	return lru;
}

void session_remember(struct session_table *t, const struct session *s)
{
	struct session_ghost *g = session_ghost_find(t, s->id);

	if (!g) {
		g = &t->ghost[t->ghost_next];
		t->ghost_next = (t->ghost_next + 1) % HOSTD_MAX_SESSIONS;
	}
	g->used = 1;
	g->id = s->id;
	g->parent = s->parent;
	g->major = s->major;
	g->minor = s->minor;
	g->name_len = s->name_len;
	memcpy(g->name, s->name, s->name_len);
}

struct session_ghost *session_ghost_find(struct session_table *t, uint32_t id)
{
	size_t i;

	for (i = 0; i < HOSTD_MAX_SESSIONS; i++)
		if (t->ghost[i].used && t->ghost[i].id == id)
			return &t->ghost[i];
	return NULL;
}

void session_ghost_forget(struct session_ghost *g)
{
	g->used = 0;
}

void session_remove(struct session_table *t, struct session *s)
{
	s->used = 0;
	t->n_open--;
	if (t->last == s)
		t->last = NULL;
}

int session_file_name(char *out, size_t cap, uint32_t id,
		      const unsigned char *name, size_t n, unsigned int attempt)
{
	char safe[TTY_LOG_NAME_MAX + 1], suffix[16];
	int k;

	safename(safe, sizeof(safe), name, n, '-');
	safename_copy(suffix, attempt + 1);
	k = snprintf(out, cap, "tty/%06u-%s%s.ttylog.gz", id,
		     n ? safe : "unnamed", suffix);
	return k < 0 || (size_t)k >= cap ? -1 : 0;
}
