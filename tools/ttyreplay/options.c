// SPDX-License-Identifier: GPL-2.0
/* The command line of ttyreplay, parsed into one struct. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "parse_uint.h"

static const struct option longopts[] = {
	{ "speed", required_argument, NULL, 's' },
	{ "maxidle", required_argument, NULL, 'm' },
	{ "input", no_argument, NULL, 'i' },
	{ "raw", no_argument, NULL, 'r' },
	{ "tty", required_argument, NULL, 't' },
	{ "list", no_argument, NULL, 'l' },
	{ "export", required_argument, NULL, 'e' },
	{ "out", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* A finite number in [lo, hi], the whole string. */
static int number(const char *s, double lo, double hi, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return errno || end == s || *end || !isfinite(*v) || *v < lo || *v > hi ?
		-1 : 0;
}

static int export_kind(const char *s)
{
	static const char *const names[] = { "asciicast", "script", "ttyrec",
					     "ttylog" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i + EXPORT_ASCIICAST;
	return EXPORT_NONE;
}

static int option(struct options *o, int c, const char *arg, char *err,
		  size_t errlen)
{
	switch (c) {
	case 's':
		if (number(arg, SPEED_MIN, SPEED_MAX, &o->speed) == 0)
			return 0;
		snprintf(err, errlen, "-s %s: need a speed factor from 0.001 to 1000000", arg);
		return -1;
	case 'm':
		if (number(arg, 0, MAXIDLE_MAX, &o->maxidle) == 0)
			return 0;
		snprintf(err, errlen, "-m %s: need seconds, 0 or more", arg);
		return -1;
	case 't':
		o->tty_given = 1;
		if (parse_uint(arg, 0, UINT32_MAX, &o->tty) == 0)
			return 0;
		snprintf(err, errlen, "--tty %s: need a session id (a number)", arg);
		return -1;
	case 'e':
		o->mode = MODE_EXPORT;
		if ((o->export = export_kind(arg)) != EXPORT_NONE)
			return 0;
		snprintf(err, errlen, "--export %s: need asciicast, script, ttyrec or ttylog", arg);
		return -1;
	case 'i':
		o->input = 1;
		return 0;
	case 'r':
		o->raw = 1;
		return 0;
	case 'l':
		o->mode = MODE_LIST;
		return 0;
	case 'o':
		o->out = arg;
		return 0;
	case 'h':
		o->mode = MODE_HELP;
		return 0;
	}
	snprintf(err, errlen, "unknown option (see --help)");
	return -1;
}

/* Options that make no sense together, and the operands each mode needs. */
static int coherent(struct options *o, char *err, size_t errlen)
{
	if (o->mode == MODE_HELP)
		return 0;
	if (o->mode == MODE_LIST && o->nargs < 1) {
		snprintf(err, errlen, "--list: need a directory");
		return -1;
	}
	if (o->mode != MODE_LIST && o->nargs != 1) {
		snprintf(err, errlen, o->nargs ? "one SESSION file at a time" :
			 "need a SESSION file (see --list)");
		return -1;
	}
	if (o->mode == MODE_EXPORT && (o->input || o->raw)) {
		snprintf(err, errlen, "--input and --raw are for replay; exports keep both streams as recorded");
		return -1;
	}
	if (o->mode == MODE_EXPORT && o->export == EXPORT_SCRIPT && !o->out) {
		snprintf(err, errlen, "--export script: need --out PREFIX (writes PREFIX.data and PREFIX.timing)");
		return -1;
	}
	if (o->mode != MODE_EXPORT && o->out) {
		snprintf(err, errlen, "--out is for --export");
		return -1;
	}
	return 0;
}

int options_parse(struct options *o, int argc, char **argv, char *err,
		  size_t errlen)
{
	int c;

	memset(o, 0, sizeof(*o));
	o->mode = MODE_REPLAY;
	o->speed = 1;
	o->maxidle = -1;
	optind = 0;		/* a full restart of getopt (GNU), for tests */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "s:m:irt:le:o:h", longopts, NULL)) != -1) {
		if (c == '?' || c == ':') {
			snprintf(err, errlen, "%s: unknown option or missing value",
				 optind > 0 && optind <= argc ? argv[optind - 1] : "?");
			return -1;
		}
		if (option(o, c, optarg, err, errlen))
			return -1;
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return coherent(o, err, errlen);
}
