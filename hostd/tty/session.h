/* SPDX-License-Identifier: GPL-2.0 */
/* Open tty sessions: a bounded table keyed by the kernel's session counter, and their file names. */
#ifndef SESSION_H
#define SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "hostd.h"
#include "ttyfile.h"
#include "tty_log_wire.h"

/* "tty/" + 10 digits + "-" + 64 name bytes + "~NNN" + ".ttylog.gz" fits. */
#define SESSION_FILE_MAX 128

struct session {
	int used;
	uint32_t id;
	uint32_t parent;
	unsigned char name[TTY_LOG_NAME_MAX];	/* raw, as the kernel sent it */
	size_t name_len;
	char file[SESSION_FILE_MAX];	/* relative to the run directory */
	uint64_t open_ns;
	uint64_t bytes_in, bytes_out;
	uint32_t major, minor;
	uint64_t active;	/* the table's clock when a record last found it */
	struct ttyfile tf;
};

/* An evicted session: what a later record of it needs to go on under its own name. */
struct session_ghost {
	int used;
	uint32_t id;
	uint32_t parent, major, minor;
	unsigned char name[TTY_LOG_NAME_MAX];
	size_t name_len;
};

struct session_table {
	struct session s[HOSTD_MAX_SESSIONS];
	size_t n_open;
	struct session *last;	/* the last one found: DATA comes in runs */
	uint64_t clock;		/* counts lookups: orders sessions by activity */
	struct session_ghost ghost[HOSTD_MAX_SESSIONS];
	size_t ghost_next;	/* the slot the next ghost takes (the oldest) */
};

void session_table_init(struct session_table *t);

/* The open session id, or NULL. Finding it counts as its activity: every record of a session looks it up. */
struct session *session_find(struct session_table *t, uint32_t id);

/* A free slot for id (caller fills it), or NULL if the table is full. */
struct session *session_add(struct session_table *t, uint32_t id);
void session_remove(struct session_table *t, struct session *s);

/*
 * The open session found least recently (the one to evict when the table
 * is full), or NULL if none is open. Activity is hostd's own count of
 * lookups, not the records' times, which a subverted kernel could forge.
 */
struct session *session_lru(struct session_table *t);

/*
 * Remembers s as a ghost before it is evicted, so that a later record of
 * its id can resume it under the same name. Replaces an older ghost of the
 * same id, else the oldest of HOSTD_MAX_SESSIONS.
 */
void session_remember(struct session_table *t, const struct session *s);

/* The ghost of evicted session id, or NULL; forget it once it is used. */
struct session_ghost *session_ghost_find(struct session_table *t, uint32_t id);
void session_ghost_forget(struct session_ghost *g);

/*
 * Writes the file name of session id with tty name (n raw bytes) into out:
 * "tty/%06u-NAME.ttylog.gz", NAME with '/' as '-' and every byte outside
 * [A-Za-z0-9._+-] as '_' ("unnamed" if empty); attempt > 0 adds "~N"
 * before the suffix for a reused id. Returns 0, or -1 if cap is too small.
 */
int session_file_name(char *out, size_t cap, uint32_t id,
		      const unsigned char *name, size_t n, unsigned int attempt);

#endif
