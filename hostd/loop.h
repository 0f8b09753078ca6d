/* SPDX-License-Identifier: GPL-2.0 */
/* The live poll loop: reads the stream, flushes on a timer, watches the guest and the signals. */
#ifndef LOOP_H
#define LOOP_H

#include <signal.h>
#include <stdint.h>

#include "archive.h"
#include "budget.h"
#include "capture.h"
#include "connlog.h"
#include "console.h"
#include "guest.h"
#include "record.h"
#include "rootfs.h"

struct run {
	struct record *rec;	/* the run directory, events, the failure state */
	struct archive *a;	/* the TTY stream's */
	struct guest *g;
	struct rootfs_id *rootfs;
	struct capture *cap;	/* --capture, or NULL */
	struct connlog *nl;	/* --nflog, or NULL */
	struct console *con;	/* the kernel's console, relayed into console.log */
	struct budget *budget;	/* --budget: its end fails the record */
	int eof;		/* the stream reached EOF (or was given up on) */
	uint64_t exit_ms;	/* monotonic time the guest exited */
	int suspended;		/* recording failed: guest paused, stream not read */
};

enum loop_end { LOOP_DONE, LOOP_SIGNAL };

/* Installs the flag-setting handlers and blocks them; *waitmask gets the mask ppoll opens. */
void loop_signals(sigset_t *waitmask);

/* Runs until the guest exited and the stream ended, or a stop signal came. */
enum loop_end loop_run(struct run *r, const sigset_t *waitmask);

/* After a stop signal: kills the guest's group, reaps it, reads what the pipe still holds. */
void loop_stop_guest(struct run *r);

/* The signal that stopped the loop (SIGTERM, SIGINT or SIGHUP). */
int loop_stop_signal(void);

#endif
