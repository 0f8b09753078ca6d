/* SPDX-License-Identifier: GPL-2.0 */
/* Plays one stream of a session to a terminal with its recorded timing. */
#ifndef REPLAY_H
#define REPLAY_H

#include <stdio.h>

#include "session.h"

struct replay_opts {
	double speed;		/* -s: 2 plays twice as fast */
	double maxidle;		/* -m: longest pause, recorded seconds; < 0 none */
	int input;		/* --input: the keystrokes, not the screen */
	int raw;		/* --raw: no escape filter */
};

/* Waits seconds; a hook so tests check the delays without sleeping. */
typedef void (*replay_sleep_fn)(void *ctx, double seconds);

/* Plays s to out, calling sleeper before each record that waits. The stream
 * is chosen by the direction field alone, never guessed. Returns 0, or -1
 * if writing out failed. */
int replay_session(struct session *s, const struct replay_opts *o, FILE *out,
		   replay_sleep_fn sleeper, void *ctx);

/* The real sleeper: nanosleep, resumed after signals. */
void replay_sleep(void *ctx, double seconds);

#endif
