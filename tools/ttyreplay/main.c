// SPDX-License-Identifier: GPL-2.0
/* ttyreplay: replays and exports the tty sessions hostd archives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eio.h"
#include "export.h"
#include "options.h"
#include "replay.h"
#include "session_list.h"

static const char usage[] =
	"usage: ttyreplay --list DIR...\n"
	"       ttyreplay [-s SPEED] [-m MAXIDLE] [--input] [--raw] [-t ID] SESSION\n"
	"       ttyreplay --export asciicast|ttyrec|ttylog [--out FILE] [-s SPEED]\n"
	"                 [-m MAXIDLE] [-t ID] SESSION\n"
	"       ttyreplay --export script --out PREFIX [-s SPEED] [-m MAXIDLE] [-t ID] SESSION\n"
	"\n"
	"SESSION is a tty file of the archive, ARCHIVE/<run>/tty/NNNNNN-TTY.ttylog.gz\n"
	"(gzip or plain Cowrie ttylog records). DIR is an archive, a run or a tty/ dir.\n"
	"\n"
	"  -l, --list          one line a session: PATH START DURATION SESSION TTY IN OUT\n"
	"                      STATE COMMANDS (START in UTC, DURATION hh:mm:ss, IN/OUT\n"
	"                      bytes typed/shown, STATE closed|open|cut, COMMANDS the\n"
	"                      first lines typed); PATH is the argument that replays it\n"
	"  -s, --speed SPEED   play SPEED times as fast (default 1)\n"
	"  -m, --maxidle SECS  cap every pause at SECS recorded seconds (default: 60 s\n"
	"                      when replaying, none when exporting)\n"
	"  -i, --input         replay what the attacker typed, echo-off input included,\n"
	"                      instead of what the screen showed (CR shown as CR LF)\n"
	"  -r, --raw           no terminal-safety filter (see below)\n"
	"  -t, --tty ID        the session with this id (default: the file's first)\n"
	"  -e, --export FMT    convert to stdout or --out instead of replaying:\n"
	"                      asciicast  asciicast v2, output \"o\" and input \"i\"\n"
	"                      script     PREFIX.data (both streams, like script -B) and\n"
	"                                 PREFIX.timing, for scriptreplay -T -B\n"
	"                      ttyrec     the output stream, for ttyplay\n"
	"                      ttylog     the session's Cowrie records, uncompressed\n"
	"  -o, --out FILE      write the export to FILE (via FILE.tmp)\n"
	"  -h, --help          this text\n"
	"\n"
	"Replay trusts each record's direction (1 input, 2 output); a clock step\n"
	"backwards is a pause of 0. By default sequences that could act on your own\n"
	"terminal (every OSC, DCS, SOS, PM, APC; CSI reports and window operations\n"
	"such as ESC[6n, ESC[c, ESC[t; ESC Z; ENQ; C1 controls) are shown in caret\n"
	"notation (^[]0;title^G) instead; colours and cursor movement pass. Exports\n"
	"keep the recorded bytes unfiltered.\n"
	"\n"
	"Exit status: 0 done; 1 a file is missing, unreadable, empty or not a ttylog;\n"
	"2 bad usage; 3 a file is cut or corrupt: used up to the damage, warned on\n"
	"stderr.\n";

/* A session's end: 0, or a message and its exit status. */
static int finish(struct session *s)
{
	char err[320];
	int st = session_status(s, err, sizeof(err));

	if (st < 0)
		warn_msg("%s: %s", s->path, err);
	else if (st > 0)
		warn_msg("%s: warning: %s", s->path, err);
	return st < 0 ? EXIT_DATA : st > 0 ? EXIT_DAMAGED : EXIT_OK;
}

static void open_session(struct session *s, const struct options *o)
{
	char err[256];

	if (session_open(s, o->args[0], o->tty_given, o->tty, err, sizeof(err)))
		die(EXIT_DATA, "%s: %s", o->args[0], err);
}

static int replay_main(const struct options *o)
{
	struct replay_opts ro = { o->speed, o->maxidle, o->input, o->raw };
	struct session s;
	int st;

	open_session(&s, o);
	if (replay_session(&s, &ro, stdout, replay_sleep, NULL))
		die(EXIT_DATA, "standard output: write failed");
	st = finish(&s);
	session_close(&s);
	return st;
}

static void utf8_warning(const char *path, const struct utf8_report *rep)
{
	if (rep->bad)
		warn_msg("%s: %lu bytes are not valid UTF-8 (the first at %s "
			 "byte %llu); written as U+FFFD", path, rep->bad,
			 rep->first_stream == 'i' ? "input" : "output",
			 (unsigned long long)rep->first);
}

/* Runs one export into f; returns -1 if writing failed. */
static int run_export(struct session *s, const struct options *o, FILE *f,
		      FILE *timing)
{
	struct export_opts eo = { o->speed, o->maxidle };
	struct utf8_report rep;
	int r = -1;

	switch (o->export) {
	case EXPORT_ASCIICAST:
		r = export_asciicast(s, &eo, f, &rep);
		utf8_warning(s->path, &rep);
		break;
	case EXPORT_SCRIPT:
		r = export_script(s, &eo, f, timing);
		break;
	case EXPORT_TTYREC:
		r = export_ttyrec(s, &eo, f);
		break;
	case EXPORT_TTYLOG:
		r = export_ttylog(s, f);
		break;
	case EXPORT_NONE:
		break;
	}
	return r;
}

static int export_main(const struct options *o)
{
	struct eout data = { 0 }, timing = { 0 };
	struct session s;
	int st, binary = o->export == EXPORT_TTYREC || o->export == EXPORT_TTYLOG;

	if (binary && !o->out && isatty(STDOUT_FILENO))
		die(EXIT_USAGE, "not writing binary records to a terminal: use --out FILE or redirect");
	open_session(&s, o);
	if (o->export == EXPORT_SCRIPT) {
		char *d = xasprintf("%s.data", o->out), *t = xasprintf("%s.timing", o->out);

		eout_open(&data, d);
		eout_open(&timing, t);
		free(d);
		free(t);
	} else if (o->out) {
		eout_open(&data, o->out);
	}
	if (run_export(&s, o, data.f ? data.f : stdout, timing.f))
		die(EXIT_DATA, "%s: write failed", o->out ? o->out : "standard output");
	st = finish(&s);
	session_close(&s);
	if (st == EXIT_DATA && data.f)
		eout_abort(&data);	/* nothing of the session: no file */
	else if (data.f)
		eout_commit(&data);
	if (timing.f)
		(st == EXIT_DATA ? eout_abort : eout_commit)(&timing);
	return st;
}

int main(int argc, char *argv[])
{
	struct options o;
	char err[256];
	int i, st = EXIT_OK, r;

	if (options_parse(&o, argc, argv, err, sizeof(err))) {
		warn_msg("%s", err);
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	switch (o.mode) {
	case MODE_HELP:
		fputs(usage, stdout);
		return EXIT_OK;
	case MODE_LIST:
		for (i = 0; i < o.nargs; i++) {
			r = session_list(o.args[i], stdout);
			st = st == EXIT_DATA || r == EXIT_DATA ? EXIT_DATA :
			     st > r ? st : r;
		}
		return fflush(stdout) ? EXIT_DATA : st;
	case MODE_EXPORT:
		return export_main(&o);
	case MODE_REPLAY:
		break;
	}
	return replay_main(&o);
}
