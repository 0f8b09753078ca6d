// SPDX-License-Identifier: GPL-2.0
/* One events.jsonl line as one line of the watch feed: printable ASCII, at most WATCH_WIDTH columns. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "watch_format.h"
#include "watch_json.h"

/*
 * The line being built. Every byte goes through put_byte, which keeps it
 * printable ASCII and stops at the width: the strings are the attacker's
 * (argv, tty names), and a terminal obeys escape sequences, so nothing
 * else may reach it.
 */
struct wl {
	char buf[WATCH_WIDTH + 1];
	size_t len;
	int cut;
};

static void put1(struct wl *w, char ch)
{
	if (w->len == WATCH_WIDTH) {
		w->cut = 1;
		return;
	}
	w->buf[w->len++] = ch;
}

static void put_byte(struct wl *w, unsigned char ch)
{
	static const char hex[] = "0123456789abcdef";

	if (ch == '\\') {
		put1(w, '\\');
		put1(w, '\\');
	} else if (ch >= 0x20 && ch < 0x7f) {
		put1(w, (char)ch);
	} else {
		put1(w, '\\');
		put1(w, 'x');
		put1(w, hex[ch >> 4]);
		put1(w, hex[ch & 15]);
	}
}

static void put_n(struct wl *w, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		put_byte(w, (unsigned char)s[i]);
}

static void put(struct wl *w, const char *s)
{
	put_n(w, s, strlen(s));
}

static void putf(struct wl *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct wl *w, const char *fmt, ...)
{
	char tmp[WATCH_WIDTH + 1];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put_n(w, tmp, strlen(tmp));
	if (n >= (int)sizeof(tmp))
		w->cut = 1;
}

static void pad_to(struct wl *w, size_t col)
{
	while (w->len < col && w->len < WATCH_WIDTH)
		put1(w, ' ');
}

/*
 * A JSON string's text, decoded: \u00XX (how hostd writes a byte that is
 * not UTF-8) and raw bytes show as bytes, any wider code point as '?'.
 * quoted: wrapped in '"' with '"' inside escaped, for an argv element.
 */
static void put_jstr(struct wl *w, const char *t, size_t n, int quoted)
{
	size_t i = 0;
	uint32_t c;

	if (quoted)
		put1(w, '"');
	while (i < n && !w->cut) {
		c = wj_str_next(t, n, &i);
		if (quoted && c == '"')
			put1(w, '\\');
		put_byte(w, c < 0x100 ? (unsigned char)c : '?');
	}
	if (quoted)
		put1(w, '"');
}

/* The member's string, or dflt when it is absent or not a string. */
static void put_member(struct wl *w, const struct wj_object *o, const char *key,
		       const char *dflt)
{
	const struct wj_member *m = wj_str(o, key);

	if (m)
		put_jstr(w, m->val, m->val_n, 0);
	else
		put(w, dflt);
}

static uint64_t num(const struct wj_object *o, const char *key)
{
	uint64_t v = 0;

	wj_u64(o, key, &v);
	return v;
}

static int str_is(const struct wj_object *o, const char *key, const char *v)
{
	const struct wj_member *m = wj_str(o, key);

	return m && m->val_n == strlen(v) && memcmp(m->val, v, m->val_n) == 0;
}

/* A number's value with one decimal (seconds), from its text. */
static double real(const struct wj_object *o, const char *key)
{
	const struct wj_member *m = wj_get(o, key);
	char tmp[32];

	if (!m || m->kind != WJ_NUM || m->val_n >= sizeof(tmp))
		return 0;
	memcpy(tmp, m->val, m->val_n);
	tmp[m->val_n] = '\0';
	return strtod(tmp, NULL);
}

/* An argv element needs quotes when a reader could not tell where it ends. */
static int needs_quotes(const char *t, size_t n)
{
	return n == 0 || memchr(t, ' ', n) || memchr(t, '"', n);
}

static void what_exec(struct wl *w, const struct wj_object *o)
{
	const struct wj_member *argv = wj_get(o, "argv");
	const char *s;
	size_t n, pos = 0;
	uint64_t session;
	int first = 1;

	if (argv && argv->kind == WJ_STRV && wj_strv_next(argv, &pos, &s, &n) &&
	    n > 1 && s[0] == '-') {
		/* argv[0] "-bash": login(1) and sshd start a login shell so. */
		put(w, "login shell ");
		put_jstr(w, s, n, 0);
		putf(w, " in session %" PRIu64 " as uid %" PRIu64, num(o, "session"),
		     num(o, "uid"));
		return;
	}
	put(w, "exec");
	if (wj_u64(o, "session", &session) == 0)
		putf(w, "[%" PRIu64 "]", session);
	if (num(o, "uid") || num(o, "euid"))
		putf(w, " (uid %" PRIu64 " euid %" PRIu64 ")", num(o, "uid"), num(o, "euid"));
	pos = 0;
	while (argv && argv->kind == WJ_STRV && wj_strv_next(argv, &pos, &s, &n) && !w->cut) {
		put1(w, ' ');
		put_jstr(w, s, n, needs_quotes(s, n));
		first = 0;
	}
	if (first) {
		put1(w, ' ');
		put_member(w, o, "filename", "?");
	}
	if (wj_get(o, "truncated") && wj_get(o, "truncated")->kind == WJ_TRUE)
		put(w, " [truncated]");
}

static void put_tty(struct wl *w, const struct wj_object *o)
{
	put_member(w, o, "tty", "?");
}

static void what_tty_open(struct wl *w, const struct wj_object *o)
{
	putf(w, "session %" PRIu64 " %s (", num(o, "session"),
	     wj_get(o, "resumed") ? "resumed" : "opened");
	put_tty(w, o);
	put(w, wj_get(o, "implicit") ? ", its open record lost)" : ")");
}

static void what_tty_close(struct wl *w, const struct wj_object *o)
{
	putf(w, "session %" PRIu64 " ", num(o, "session"));
	/* "close", or why hostd ended it ("evicted"), in the verb's place. */
	if (str_is(o, "reason", "close"))
		put(w, "closed");
	else
		put_member(w, o, "reason", "ended");
	put(w, " (");
	put_tty(w, o);
	/* What was typed is the attacker's part; the output is in the tty file. */
	putf(w, ", %.1f s, %" PRIu64 " B typed)", real(o, "duration"), num(o, "bytes_in"));
}

static void what_tty_hangup(struct wl *w, const struct wj_object *o)
{
	putf(w, "session %" PRIu64 " hung up (", num(o, "session"));
	put_tty(w, o);
	put1(w, ')');
}

static void what_tty_evicted(struct wl *w, const struct wj_object *o)
{
	putf(w, "session %" PRIu64 " evicted for session %" PRIu64 " (", num(o, "session"),
	     num(o, "for"));
	put_tty(w, o);
	put1(w, ')');
}

/* "tcp/22" (the port on the far side for outbound, ours for inbound), "icmp type 8", or the protocol alone. */
static void put_packet(struct wl *w, const struct wj_object *o)
{
	put_member(w, o, "proto", "?");
	if (wj_get(o, "dport"))
		putf(w, "/%" PRIu64, num(o, "dport"));
	else if (wj_get(o, "icmp_type"))
		putf(w, " type %" PRIu64, num(o, "icmp_type"));
}

static void what_inbound(struct wl *w, const struct wj_object *o)
{
	put(w, "inbound ");
	put_packet(w, o);
}

static void what_outbound(struct wl *w, const struct wj_object *o)
{
	uint64_t count = num(o, "count"), limit = num(o, "limit");
	int allowed = str_is(o, "verdict", "allowed");

	put(w, "outbound ");
	put_packet(w, o);
	put(w, allowed ? " allowed" : " BLOCKED");
	if (wj_get(o, "dns"))
		put(w, " (DNS, no limit)");
	else if (!allowed && count > limit)
		putf(w, " (%" PRIu64 " > %" PRIu64 " this hour)", count, limit);
	else
		putf(w, " (%" PRIu64 " of %" PRIu64 " this hour)", count, limit);
}

static void what_blocked(struct wl *w, const struct wj_object *o)
{
	put(w, str_is(o, "direction", "in") ? "BLOCKED inbound " : "BLOCKED outbound ");
	put_packet(w, o);
	put(w, " (");
	put_member(w, o, "reason", "?");
	put1(w, ')');
}

static void what_unlogged(struct wl *w, const struct wj_object *o)
{
	putf(w, "%" PRIu64 " attempts over the log rate, not logged",
	     num(o, "attempts"));
}

static void what_unparsed(struct wl *w, const struct wj_object *o)
{
	put(w, "unreadable connection log message: ");
	put_member(w, o, "what", "?");
}

static void what_capture_start(struct wl *w, const struct wj_object *o)
{
	put(w, "capture started on ");
	put_member(w, o, "iface", "?");
}

static void what_capture_full(struct wl *w, const struct wj_object *o)
{
	putf(w, "capture full (%" PRIu64 " B): later packets not kept", num(o, "used"));
}

static void what_capture_stats(struct wl *w, const struct wj_object *o)
{
	uint64_t budget = num(o, "dropped_budget");
	uint64_t dropped = num(o, "dropped_kernel") + num(o, "dropped_iface") +
			   num(o, "dropped_hostd") + budget;

	if (dropped == 0)
		putf(w, "capture ended: %" PRIu64 " packets kept, none dropped",
		     num(o, "written"));
	else if (budget)
		putf(w, "capture: %" PRIu64 " dropped (%" PRIu64 " over budget), %" PRIu64
		     " kept", dropped, budget, num(o, "written"));
	else
		putf(w, "capture: %" PRIu64 " dropped, %" PRIu64 " kept", dropped,
		     num(o, "written"));
}

static void what_guest_start(struct wl *w, const struct wj_object *o)
{
	putf(w, "guest started (pid %" PRIu64 ")", num(o, "pid"));
}

static void what_guest_exit(struct wl *w, const struct wj_object *o)
{
	if (wj_get(o, "signal") && wj_get(o, "signal")->kind == WJ_NUM)
		putf(w, "guest killed by signal %" PRIu64, num(o, "signal"));
	else
		putf(w, "guest exited (status %" PRIu64 ")", num(o, "exit_status"));
}

static void what_guest_ended(struct wl *w, const struct wj_object *o)
{
	put(w, "guest ended: ");
	put_member(w, o, "reason", "?");
}

static void what_hostd_user(struct wl *w, const struct wj_object *o)
{
	put(w, "hostd runs as ");
	put_member(w, o, "user", "?");
}

static void what_hostd_error(struct wl *w, const struct wj_object *o)
{
	put(w, "hostd error: ");
	put_member(w, o, "what", "?");
}

static void what_hostd_suspend(struct wl *w, const struct wj_object *o)
{
	put(w, "hostd suspended: ");
	put_member(w, o, "what", "?");
}

static void what_stream_error(struct wl *w, const struct wj_object *o)
{
	put(w, "tty stream error: ");
	put_member(w, o, "what", "?");
}

static void what_stream_resync(struct wl *w, const struct wj_object *o)
{
	putf(w, "tty stream resynchronised, %" PRIu64 " bytes skipped", num(o, "skipped"));
}

static void what_stream_loss(struct wl *w, const struct wj_object *o)
{
	putf(w, "tty stream lost %" PRIu64 " records (%" PRIu64 " B)", num(o, "records"),
	     num(o, "bytes"));
}

static void what_console_cut(struct wl *w, const struct wj_object *o)
{
	putf(w, "console log cut at %" PRIu64 " B", num(o, "cap"));
}

static void what_nflog_stats(struct wl *w, const struct wj_object *o)
{
	putf(w, "connection log: %" PRIu64 " events, %" PRIu64 " unlogged, %" PRIu64 " bad",
	     num(o, "events"), num(o, "unlogged"), num(o, "unparsed"));
}

/* Whose address goes in the peer column: the outside end of a connection; o may be NULL for none. */
enum peer { PEER_NONE, PEER_SRC, PEER_DST, PEER_BY_DIRECTION };

static const struct event_kind {
	const char *type;
	enum peer peer;
	void (*what)(struct wl *w, const struct wj_object *o);
} kinds[] = {
	{ "exec", PEER_NONE, what_exec },
	{ "tty.open", PEER_NONE, what_tty_open },
	{ "tty.close", PEER_NONE, what_tty_close },
	{ "tty.hangup", PEER_NONE, what_tty_hangup },
	{ "tty.evicted", PEER_NONE, what_tty_evicted },
	{ "net.inbound", PEER_SRC, what_inbound },
	{ "net.outbound", PEER_DST, what_outbound },
	{ "net.blocked", PEER_BY_DIRECTION, what_blocked },
	{ "net.unlogged", PEER_NONE, what_unlogged },
	{ "net.unparsed", PEER_NONE, what_unparsed },
	{ "capture.start", PEER_NONE, what_capture_start },
	{ "capture.full", PEER_NONE, what_capture_full },
	{ "capture.stats", PEER_NONE, what_capture_stats },
	{ "guest.start", PEER_NONE, what_guest_start },
	{ "guest.exit", PEER_NONE, what_guest_exit },
	{ "guest.ended", PEER_NONE, what_guest_ended },
	{ "hostd.user", PEER_NONE, what_hostd_user },
	{ "hostd.error", PEER_NONE, what_hostd_error },
	{ "hostd.suspend", PEER_NONE, what_hostd_suspend },
	{ "stream.error", PEER_NONE, what_stream_error },
	{ "stream.resync", PEER_NONE, what_stream_resync },
	{ "stream.loss", PEER_NONE, what_stream_loss },
	{ "console.cut", PEER_NONE, what_console_cut },
	{ "nflog.stats", PEER_NONE, what_nflog_stats },
};

static const struct event_kind *kind_of(const struct wj_object *o)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (str_is(o, "type", kinds[i].type))
			return &kinds[i];
	return NULL;
}

/* "HH:MM:SS" of an RFC 3339 time as hostd writes it (2026-12-03T17:04:30.834017Z). */
static int hhmmss(const struct wj_object *o, char out[9])
{
	const struct wj_member *m = wj_str(o, "ts");
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t i;

	if (!m || m->val_n < sizeof(shape) - 1)
		return -1;
	for (i = 0; i < sizeof(shape) - 1; i++)
		if (shape[i] == 'd' ? m->val[i] < '0' || m->val[i] > '9' : m->val[i] != shape[i])
			return -1;
	memcpy(out, m->val + 11, 8);
	out[8] = '\0';
	return 0;
}

static void put_prefix(struct wl *w, const char *stamp, const char *name, size_t name_cols)
{
	size_t start;

	put(w, stamp ? stamp : "--:--:--");
	put1(w, ' ');
	start = w->len;
	put(w, name);
	pad_to(w, start + name_cols);
	put(w, "  ");
}

static void put_peer(struct wl *w, const struct wj_object *o, enum peer p)
{
	size_t start = w->len;
	const char *key = NULL;

	if (o && (p == PEER_SRC || (p == PEER_BY_DIRECTION && str_is(o, "direction", "in"))))
		key = "src";
	else if (o && (p == PEER_DST || p == PEER_BY_DIRECTION))
		key = "dst";
	if (key)
		put_member(w, o, key, "-");
	else
		put1(w, '-');
	pad_to(w, start + WATCH_PEER_COLS);
	put(w, "  ");
}

static size_t finish(struct wl *w, char out[WATCH_WIDTH + 1])
{
	if (w->cut)
		memcpy(w->buf + WATCH_WIDTH - 3, "...", 3);
	while (!w->cut && w->len && w->buf[w->len - 1] == ' ')
		w->len--;
	w->buf[w->len] = '\0';
	memcpy(out, w->buf, w->len + 1);
	return w->len;
}

size_t watch_format(char out[WATCH_WIDTH + 1], const char *name, size_t name_cols,
		    const char *line, size_t n)
{
	const struct event_kind *k;
	struct wl w = { .len = 0 };
	struct wj_object o;
	char stamp[9];

	if (wj_parse(line, n, &o) < 0) {
		put_prefix(&w, NULL, name, name_cols);
		put_peer(&w, NULL, PEER_NONE);
		putf(&w, "unreadable event line (%zu B)", n);
		return finish(&w, out);
	}
	put_prefix(&w, hhmmss(&o, stamp) == 0 ? stamp : NULL, name, name_cols);
	k = kind_of(&o);
	put_peer(&w, &o, k ? k->peer : PEER_NONE);
	if (k) {
		k->what(&w, &o);
	} else {
		put(&w, "event ");
		put_member(&w, &o, "type", "without a type");
	}
	return finish(&w, out);
}

size_t watch_note(char out[WATCH_WIDTH + 1], const char *stamp, const char *name,
		  size_t name_cols, const char *text)
{
	struct wl w = { .len = 0 };

	put_prefix(&w, stamp, name, name_cols);
	put_peer(&w, NULL, PEER_NONE);
	put(&w, text);
	return finish(&w, out);
}
