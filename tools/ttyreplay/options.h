/* SPDX-License-Identifier: GPL-2.0 */
/* The command line of ttyreplay, parsed into one struct. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <stddef.h>
#include <stdint.h>

enum mode { MODE_REPLAY, MODE_LIST, MODE_EXPORT, MODE_HELP };
enum export_kind { EXPORT_NONE, EXPORT_ASCIICAST, EXPORT_SCRIPT, EXPORT_TTYREC,
		   EXPORT_TTYLOG };

/* -s and -m bounds: outside them a value is a typo, not a wish. */
#define SPEED_MIN 0.001
#define SPEED_MAX 1e6
#define MAXIDLE_MAX 1e6

struct options {
	enum mode mode;
	enum export_kind export;
	double speed;		/* 1 */
	double maxidle;		/* -1: no cap beyond REPLAY_PAUSE_MAX */
	int input, raw;
	int tty_given;
	uint32_t tty;
	const char *out;	/* --out FILE (PREFIX for script) */
	char **args;		/* SESSION, or the --list DIRs */
	int nargs;
};

/* Returns 0, or -1 with the reason in err (exit status 2). */
int options_parse(struct options *o, int argc, char **argv, char *err,
		  size_t errlen);

#endif
