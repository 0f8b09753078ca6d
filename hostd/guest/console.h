/* SPDX-License-Identifier: GPL-2.0 */
/* The guest kernel's console: a pipe the kernel writes, relayed by the loop into console.log up to a cap. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdint.h>

#include "record.h"

/*
 * The kernel's stdout and stderr are the pipe's write end; hostd reads the
 * other end without blocking whenever the loop wakes and appends what it
 * read to console.log at once (readable live), until console.log holds cap
 * bytes. Beyond the cap one console.cut event says so and the rest is
 * counted, not written. The bytes are the guest's to choose: they are
 * copied, never parsed; the cap bounds the disk they take, the non-blocking
 * reads (a bounded number per wakeup) the time.
 */
struct console {
	int rd;			/* the pipe's read end, non-blocking; -1 after EOF */
	int fd;			/* console.log */
	uint64_t cap;
	uint64_t written;	/* bytes in console.log */
	uint64_t cut;		/* bytes read beyond the cap */
};

/*
 * Creates (or appends to) console.log in dirfd, and the pipe; *wr gets its
 * write end for guest_start, which the caller closes once the guest runs.
 * Returns 0, or -1 after saying why.
 */
int console_open(struct console *c, int dirfd, const char *run_dir, uint64_t cap, int *wr);

/* Relays what the pipe holds now, a bounded amount; a write error fails the record. */
void console_read(struct console *c, struct record *rec);

/* Relays what is left in the pipe (its writers are gone or stopped) and closes both ends. */
void console_close(struct console *c, struct record *rec);

#endif
