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
	struct ttyfile tf;
};

struct session_table {
	struct session s[HOSTD_MAX_SESSIONS];
	size_t n_open;
	struct session *last;	/* the last one found: DATA comes in runs */
};

void session_table_init(struct session_table *t);
struct session *session_find(struct session_table *t, uint32_t id);
/* A free slot for id (caller fills it), or NULL if the table is full. */
struct session *session_add(struct session_table *t, uint32_t id);
void session_remove(struct session_table *t, struct session *s);

/*
 * Writes the file name of session id with tty name (n raw bytes) into out:
 * "tty/%06u-NAME.ttylog.gz", NAME with '/' as '-' and every byte outside
 * [A-Za-z0-9._+-] as '_' ("unnamed" if empty); attempt > 0 adds "~N"
 * before the suffix for a reused id. Returns 0, or -1 if cap is too small.
 */
int session_file_name(char *out, size_t cap, uint32_t id,
		      const unsigned char *name, size_t n, unsigned int attempt);

#endif
