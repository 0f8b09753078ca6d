// SPDX-License-Identifier: GPL-2.0
/* hostd: options, setup, then the live loop (the guest kernel as a child) or an offline --parse. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "archive.h"
#include "budget_policy.h"
#include "bytesize.h"
#include "capture.h"
#include "connlog.h"
#include "console.h"
#include "cpu_pin.h"
#include "guest.h"
#include "hostd.h"
#include "jail_opts.h"
#include "loop.h"
#include "meta.h"
#include "netopts.h"
#include "parse_uint.h"
#include "privdrop.h"
#include "record.h"
#include "rootfs.h"
#include "clock.h"
#include "report.h"

struct opts {
	const char *run_dir;
	const char *rootfs;
	const char *parse;
	unsigned int flush_ms;
	uint64_t budget;	/* --budget, or 0: the default share of the free space */
	struct netopts net;	/* --capture, --rotate, --nflog, --limits, --user */
	struct jail jail;	/* --jail, --jail-uid, --jail-ro, --jail-rw, --jail-limits */
	char **kernel_argv;	/* KERNEL ARGS... after "--" */
	int kernel_argc;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hostd --run-dir DIR [--rootfs FILE] [--flush-ms N]\n"
		"             [--capture IFACE [--rotate SECS]] [--nflog GROUP[,UNLOGGED] [--limits SPEC]]\n"
		"             [--user USER] [--budget SIZE] [--jail on|off] [--jail-uid N]\n"
		"             [--jail-limits SPEC] [--jail-ro HOST=JAIL]... [--jail-rw HOST=JAIL]...\n"
		"             [--cpu N|any]\n"
		"             -- KERNEL [ARGS...]\n"
		"       hostd --parse FILE --run-dir DIR [--flush-ms N]\n"
		"Starts the UML guest KERNEL with tty_log_fd=%d and writes its session\n"
		"archive (tty/, events.jsonl, meta.json, console.log) into DIR; --parse\n"
		"archives a recorded stream (FILE, or - for stdin) instead.\n"
		"  --capture IFACE  capture IFACE (tap0) whole and promiscuous into\n"
		"                   DIR/pcap/IFACE-YYYYMMDDTHHMMSSZ.pcap.gz (gzip'd classic\n"
		"                   pcap; .part while written): zcat F | tcpdump -r -\n"
		"  --rotate SECS    start a new capture file on each multiple of SECS of the\n"
		"                   UTC clock (default %d: each hour; %d..%d)\n"
		"  --nflog GROUP    read Data Control's NFLOG group (5 in the ruleset) and\n"
		"                   write net.inbound, net.outbound and net.blocked events;\n"
		"                   ,UNLOGGED (6): count the attempts over the ruleset's log\n"
		"                   rate and summarise them (net.unlogged)\n"
		"  --limits SPEC    the limits net.outbound reports, per honeypot and hour\n"
		"                   (default tcp=%d,udp=%d,icmp=%d,other=%d)\n"
		"  --user USER      after opening the capture, the archive and starting the\n"
		"                   guest, run as USER with no capabilities\n"
		"  --budget SIZE    the most DIR may hold, disk.cow and all (bytes, or with K,\n"
		"                   M, G, T: powers of 1024; at least 1M; default 1/%d of the\n"
		"                   space free on DIR's filesystem at the start). pcap/ gets\n"
		"                   %d%%: beyond it packets are counted (capture.full); at the\n"
		"                   whole budget the guest is paused (exit 4)\n"
		"  --jail-uid N     the guest kernel's own uid and gid (default %d): it runs\n"
		"                   as N with no capabilities, no_new_privs, in new user,\n"
		"                   mount, pid, ipc and uts namespaces, pivot_root'ed into\n"
		"                   a jail holding only KERNEL (as " JAIL_KERNEL "), the binds,\n"
		"                   /dev/{null,urandom,net/tun} and a tmpfs /tmp for its\n"
		"                   memory, under a seccomp allow-list, in a cgroup\n"
		"  --jail-ro H=J    bind host path H read-only at J in the jail (-rw: writable,\n"
		"  --jail-rw H=J    through the jail's group): root_fs, COW, persona, uml_dir\n"
		"  --jail-limits S  mem=SIZE,pids=N,cpu=PCT (default: from mem=, %d, %d)\n"
		"  --jail off       benchmarks and stand-in kernels only: KERNEL runs as the\n"
		"                   jail's uid with its own /dev/net/tun, none of the rest\n"
		"  --cpu N          the one host CPU of the kernel and all its host processes\n"
		"                   (default: the last CPU hostd may use); hostd moves to the\n"
		"                   others. any: not pinned (benchmarks)\n"
		"Exit: 0 guest exited 0; 1 guest failed; 2 usage; 3 stopped by a signal;\n"
		"4 recording failed (guest was paused); 5 setup failed.\n",
		HOSTD_LOG_FD, HOSTD_ROTATE_DEFAULT, HOSTD_ROTATE_MIN, HOSTD_ROTATE_MAX,
		HOSTD_LIMIT_TCP, HOSTD_LIMIT_UDP, HOSTD_LIMIT_ICMP, HOSTD_LIMIT_OTHER,
		BUDGET_DEFAULT_FREE_DIV, BUDGET_CAPTURE_PCT,
		HOSTD_JAIL_UID, HOSTD_JAIL_PIDS, HOSTD_JAIL_CPU_PCT);
}

/* One of the capture options; -1 after saying why. */
static int net_opt(struct opts *o, int c, const char *arg)
{
	char why[256];
	int r = 0;

	switch (c) {
	case 'c': r = netopts_capture(&o->net, arg, why, sizeof(why)); break;
	case 'R': r = netopts_rotate(&o->net, arg, why, sizeof(why)); break;
	case 'n': r = netopts_nflog(&o->net, arg, why, sizeof(why)); break;
	case 'L': r = netopts_limits(&o->net, arg, why, sizeof(why)); break;
	case 'u': o->net.user = arg; break;
	}
	if (r < 0)
		report("%s; nothing started", why);
	return r;
}

/* One of the jail options; -1 after saying why. */
static int jail_opt(struct opts *o, int c, const char *arg)
{
	char why[320];
	int r = 0;

	switch (c) {
	case 'J': r = jail_opt_mode(&o->jail, arg, why, sizeof(why)); break;
	case 'U': r = jail_opt_uid(&o->jail, arg, why, sizeof(why)); break;
	case 'M': r = jail_opt_limits(&o->jail, arg, why, sizeof(why)); break;
	case 'B': r = jail_add_bind(&o->jail, arg, 0, why, sizeof(why)); break;
	case 'W': r = jail_add_bind(&o->jail, arg, 1, why, sizeof(why)); break;
	case 'C': r = cpu_pin_opt(&o->jail.cpu, arg, why, sizeof(why)); break;
	}
	if (r < 0)
		report("%s; nothing started", why);
	return r;
}

/* The capture options belong to live mode, and --rotate/--limits to what they tune. */
static int net_opts_fit(const struct opts *o, int rotate, int limits)
{
	const char *bad = NULL;

	if (o->parse && (o->net.capture || o->net.nflog >= 0 || o->net.user || o->budget))
		bad = "--capture, --nflog, --user and --budget are for live mode, not --parse";
	else if (rotate && !o->net.capture)
		bad = "--rotate needs --capture";
	else if (limits && o->net.nflog < 0)
		bad = "--limits needs --nflog";
	if (!bad)
		return 0;
	report("%s; nothing started", bad);
	return HOSTD_EXIT_USAGE;
}

/* Returns 0, or an exit status. */
static int parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longs[] = {
		{ "run-dir", required_argument, NULL, 'd' },
		{ "rootfs", required_argument, NULL, 'r' },
		{ "flush-ms", required_argument, NULL, 'f' },
		{ "parse", required_argument, NULL, 'p' },
		{ "capture", required_argument, NULL, 'c' },
		{ "rotate", required_argument, NULL, 'R' },
		{ "nflog", required_argument, NULL, 'n' },
		{ "limits", required_argument, NULL, 'L' },
		{ "user", required_argument, NULL, 'u' },
		{ "budget", required_argument, NULL, 'b' },
		{ "jail", required_argument, NULL, 'J' },
		{ "jail-uid", required_argument, NULL, 'U' },
		{ "jail-limits", required_argument, NULL, 'M' },
		{ "jail-ro", required_argument, NULL, 'B' },
		{ "jail-rw", required_argument, NULL, 'W' },
		{ "cpu", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rotate = 0, limits = 0;

	memset(o, 0, sizeof(*o));
	o->flush_ms = HOSTD_FLUSH_MS_DEFAULT;
	netopts_init(&o->net);
	jail_opts_init(&o->jail);
	while ((c = getopt_long(argc, argv, "+", longs, NULL)) != -1) {
		switch (c) {
		case 'c': case 'R': case 'n': case 'L': case 'u':
			if (net_opt(o, c, optarg) < 0)
				return HOSTD_EXIT_USAGE;
			rotate |= c == 'R';
			limits |= c == 'L';
			break;
		case 'J': case 'U': case 'M': case 'B': case 'W': case 'C':
			if (jail_opt(o, c, optarg) < 0)
				return HOSTD_EXIT_USAGE;
			break;
		case 'd': o->run_dir = optarg; break;
		case 'r': o->rootfs = optarg; break;
		case 'p': o->parse = optarg; break;
		case 'f':
			if (parse_uint(optarg, HOSTD_FLUSH_MS_MIN, HOSTD_FLUSH_MS_MAX,
				       &o->flush_ms) == 0)
				break;
			report("--flush-ms %s: expected %d..%d; nothing started", optarg,
			       HOSTD_FLUSH_MS_MIN, HOSTD_FLUSH_MS_MAX);
			return HOSTD_EXIT_USAGE;
		case 'b':
			if (bytesize_parse(optarg, BUDGET_MIN, BUDGET_MAX, &o->budget) == 0)
				break;
			report("--budget %s: expected bytes, or a number with K, M, G or T (powers of "
			       "1024), at least 1M; nothing started", optarg);
			return HOSTD_EXIT_USAGE;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("hostd %s\n", HOSTD_VERSION); exit(0);
		default: usage(stderr); return HOSTD_EXIT_USAGE;
		}
	}
	o->kernel_argv = argv + optind;
	o->kernel_argc = argc - optind;
	if (!o->run_dir || (o->parse && o->kernel_argc) || (!o->parse && !o->kernel_argc)) {
		usage(stderr);
		return HOSTD_EXIT_USAGE;
	}
	return net_opts_fit(o, rotate, limits);
}

/* fds 0-2 must be open, or the first files hostd opens would take their places. */
static void hold_std_fds(void)
{
	int fd;

	while ((fd = open("/dev/null", O_RDWR)) >= 0 && fd <= STDERR_FILENO)
		;
	if (fd > STDERR_FILENO)
		close(fd);
}

static void summary(const struct archive_counters *c)
{
	report("%llu records, %llu bytes, %llu sessions, %llu exec, %llu stream errors, "
	       "%llu/%llu records lost by the kernel/dropped by hostd",
	       (unsigned long long)c->records, (unsigned long long)c->bytes,
	       (unsigned long long)c->sessions, (unsigned long long)c->execs,
	       (unsigned long long)c->stream_errors,
	       (unsigned long long)c->lost_records,
	       (unsigned long long)c->dropped_records);
}

/* Closes the archive and the record, rewrites meta.json as final, says the counts. Returns 0, or -1 if anything failed. */
static int finish(struct record *rec, struct archive *a, struct meta *m, const char *reason)
{
	int r = archive_close(a, reason);

	if (record_close(rec) < 0)
		r = -1;
	m->stop_ns = now_ns();
	m->c = &a->c;
	m->fail_msg = record_fail_msg(rec);
	if (m->fail_msg && strcmp(m->state, "failed"))
		m->state = "failed";
	if (meta_write(m) < 0)
		r = -1;
	if (m->fail_msg)
		report("%s; the archive is incomplete", m->fail_msg);
	summary(&a->c);
	free(a);
	free(rec);
	return r;
}

static int open_input(const char *path)
{
	if (strcmp(path, "-") == 0)
		return STDIN_FILENO;
	return open(path, O_RDONLY | O_CLOEXEC);
}

static int run_parse(const struct opts *o)
{
	static unsigned char buf[HOSTD_READ_CHUNK];
	struct meta m = { .run_dir = o->run_dir, .mode = "parse", .state = "running",
			  .input = o->parse, .kernel_size = -1, .flush_ms = o->flush_ms,
			  .guest_cpu = -1 };
	struct rootfs_id rfs;
	struct record *rec;
	struct archive *a = NULL;
	int fd = open_input(o->parse);
	ssize_t k = 0;

	if (fd < 0) {
		report("%s: %s; nothing parsed", o->parse, strerror(errno));
		return HOSTD_EXIT_SETUP;
	}
	rootfs_start(&rfs, o->rootfs);
	m.rootfs = &rfs;
	m.start_ns = now_ns();
	rec = record_open(o->run_dir);
	if (rec)
		a = archive_open(rec, o->flush_ms);
	if (!a || meta_write(&m) < 0)
		return HOSTD_EXIT_SETUP;
	while (!record_failed(rec) &&
	       ((k = read(fd, buf, sizeof(buf))) > 0 || (k < 0 && errno == EINTR))) {
		if (k > 0)
			archive_feed(a, buf, (size_t)k);
		archive_tick(a, mono_ms());
	}
	if (!record_failed(rec) && k < 0)
		report("%s: %s; archived what was read", o->parse, strerror(errno));
	rootfs_finish(&rfs, HOSTD_ROOTFS_HASH_WAIT_MS);
	m.state = "stopped";
	return finish(rec, a, &m, "stream end") < 0 ? HOSTD_EXIT_RECORD : HOSTD_EXIT_OK;
}

/* KERNEL ARGS... tty_log_fd=N, NULL; or NULL if ARGS already name a tty_log_fd. */
static char **kernel_argv(const struct opts *o)
{
	static char fdarg[32];
	char **v;
	int i;

	for (i = 1; i < o->kernel_argc; i++) {
		if (strncmp(o->kernel_argv[i], "tty_log_fd=", 11) == 0) {
			report("%s: hostd gives the kernel its tty_log_fd; remove it", o->kernel_argv[i]);
			return NULL;
		}
	}
	v = calloc((size_t)o->kernel_argc + 2, sizeof(*v));
	if (!v)
		return NULL;
	memcpy(v, o->kernel_argv, (size_t)o->kernel_argc * sizeof(*v));
	snprintf(fdarg, sizeof(fdarg), "tty_log_fd=%d", HOSTD_LOG_FD);
	v[o->kernel_argc] = fdarg;
	return v;
}

static void guest_start_event(struct record *rec, const struct guest *g,
			      char **argv, int n)
{
	struct jline *j = record_event(rec, "guest.start");

	jl_i64(j, "pid", g->pid);
	jl_cstr(j, "kernel", argv[0]);
	jl_strv(j, "cmdline", argv, n);
	jl_bool(j, "jail", g->jail->on);
	jl_u64(j, "jail_uid", g->jail->uid);
	jl_cstr(j, "cgroup", g->jail->on ? g->jail->cg.dir[0] : NULL);
	if (g->jail->cpu >= 0)
		jl_i64(j, "cpu", g->jail->cpu);
	else
		jl_null(j, "cpu");
	record_emit(rec);
}

/* The run's cgroup takes the run directory's name when it is a plain one. */
static void run_name(const char *run_dir, char *buf, size_t len)
{
	const char *b = strrchr(run_dir, '/');
	size_t n;

	b = b ? b + 1 : run_dir;
	n = strlen(b);
	if (n && n < len && b[0] != '.' && strspn(b, "abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n)
		snprintf(buf, len, "%s", b);
	else
		snprintf(buf, len, "hostd-%ld", (long)getpid());
}

/* The jail's limits from the command line and root_fs, its cgroup made. 0, or -1 after saying why. */
static int jail_ready(const struct opts *o, struct jail *j, char **argv)
{
	char why[320], name[128];
	uint64_t rootfs_size = 0;
	struct stat st;

	if (o->rootfs && stat(o->rootfs, &st) == 0)
		rootfs_size = (uint64_t)st.st_size;
	if (jail_derive_limits(j, argv, rootfs_size, why, sizeof(why)) < 0) {
		report("%s; guest not started", why);
		return -1;
	}
	run_name(o->run_dir, name, sizeof(name));
	return jail_prepare(j, argv[0], name);
}

static int exit_status(const struct record *rec, const struct guest *g, int signalled)
{
	if (record_failed(rec))
		return HOSTD_EXIT_RECORD;
	if (signalled)
		return HOSTD_EXIT_STOPPED;
	if (g->exited && WIFEXITED(g->status) && WEXITSTATUS(g->status) == 0)
		return HOSTD_EXIT_OK;
	return HOSTD_EXIT_GUEST;
}

/* Everything before the guest runs: identity, record, archive, console. Returns 0, or -1 after saying why. */
static int prepare(const struct opts *o, struct meta *m, struct run *r, int *console)
{
	off_t size;

	if (sha256_file(m->kernel, m->kernel_sha, &size) < 0) {
		report("%s: %s; guest not started", m->kernel, strerror(errno));
		return -1;
	}
	m->kernel_size = size;
	rootfs_start(r->rootfs, o->rootfs);
	r->rec = record_open(o->run_dir);
	if (!r->rec)
		return -1;
	r->a = archive_open(r->rec, o->flush_ms);
	if (r->a && console_open(r->con, record_dirfd(r->rec), o->run_dir, HOSTD_CONSOLE_CAP,
				 console) == 0)
		return 0;
	if (r->a) {
		archive_close(r->a, "setup failed");
		free(r->a);
	}
	record_close(r->rec);
	free(r->rec);
	return -1;
}

/* Opens the capture and the NFLOG socket (both need root). Returns 0, or -1 after saying why. */
static int open_net(const struct opts *o, struct run *r)
{
	if (o->net.capture) {
		r->cap = capture_open(r->rec, o->net.capture, o->net.rotate, o->flush_ms, r->budget);
		if (!r->cap)
			return -1;
	}
	if (o->net.nflog >= 0) {
		r->nl = connlog_open(r->rec, o->net.nflog, o->net.nflog_unlogged, o->net.limit);
		if (!r->nl)
			return -1;
	}
	return 0;
}

/* capture.stats and nflog.stats of the stop, the last capture file finished. */
static void close_net(struct run *r)
{
	capture_close(r->cap);
	r->cap = NULL;
	connlog_close(r->nl);
	r->nl = NULL;
}

/* The run directory and its subdirectories to USER, then setuid; hostd.user says so. */
static int drop_privileges(const struct privdrop *pd, int dirfd, struct record *rec,
			   const char *run_dir)
{
	struct jline *j;

	if (privdrop_chown(pd, dirfd, run_dir) < 0 || privdrop_apply(pd) < 0)
		return -1;
	j = record_event(rec, "hostd.user");
	jl_cstr(j, "user", pd->user);
	jl_u64(j, "uid", pd->uid);
	jl_u64(j, "gid", pd->gid);
	jl_strv(j, "capabilities", NULL, 0);
	record_emit(rec);
	return 0;
}

static void meta_net(struct meta *m, const struct opts *o)
{
	m->capture = o->net.capture;
	m->rotate = o->net.rotate;
	m->nflog = o->net.nflog;
	m->limits = o->net.limit;
	m->user = o->net.user;
}

/* --budget, or the default share of what the run directory's filesystem has free now. */
static int budget_start(const struct opts *o, struct meta *m, struct budget *b)
{
	uint64_t total = o->budget, free_bytes;

	if (!total && budget_fs_free(o->run_dir, &free_bytes) < 0) {
		report("%s: free space: %s; guest not started", o->run_dir, strerror(errno));
		return -1;
	}
	if (!total)
		total = budget_default(free_bytes);
	budget_init(b, m->dirfd, total);
	m->budget = b;
	return 0;
}

/*
 * Root's part, in this order: the kernel's hash, the archive (events.jsonl,
 * tty/), console.log and its pipe, the budget's first scan, the capture
 * (pcap/ and its first file) and the NFLOG socket, the jail's cgroup,
 * then the guest kernel is started in its jail.
 * Returns 0, or an exit status after finishing the archive.
 */
static int start_run(const struct opts *o, struct meta *m, struct run *r, char **argv,
		     struct jail *j)
{
	int console;

	if (prepare(o, m, r, &console) < 0)
		return HOSTD_EXIT_SETUP;
	m->console = r->con;
	m->dirfd = open(o->run_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (m->dirfd < 0 || budget_start(o, m, r->budget) < 0 || open_net(o, r) < 0 ||
	    jail_ready(o, j, argv) < 0 || guest_start(r->g, argv, console, j) < 0) {
		close(console);
		console_close(r->con, r->rec);
		close_net(r);
		m->state = "failed";
		m->guest_pid = r->g->pid;
		finish(r->rec, r->a, m, "setup failed");
		rootfs_finish(r->rootfs, 0);
		return HOSTD_EXIT_SETUP;
	}
	close(console);		/* the kernel holds the write end: EOF comes when it and its helpers are gone */
	m->guest_pid = r->g->pid;
	guest_start_event(r->rec, r->g, argv, m->cmdline_n);
	meta_write(m);
	return 0;
}

static int run_live(const struct opts *o)
{
	struct meta m = { .run_dir = o->run_dir, .mode = "live", .state = "running",
			  .kernel = o->kernel_argv[0], .kernel_size = -1,
			  .flush_ms = o->flush_ms, .nflog = -1, .guest_cpu = -1 };
	struct rootfs_id rfs;
	struct guest g = { .pid = 0 };
	struct console con;
	struct budget bud;
	struct run r = { .g = &g, .rootfs = &rfs, .con = &con, .budget = &bud };
	struct jail jail = o->jail;
	struct privdrop pd;
	char **argv = kernel_argv(o);
	sigset_t waitmask;
	int signalled = 0, dropped = 1, st;

	if (!argv)
		return HOSTD_EXIT_USAGE;
	if (o->net.user && privdrop_lookup(&pd, o->net.user) < 0)
		return HOSTD_EXIT_SETUP;
	m.cmdline = argv;
	m.cmdline_n = o->kernel_argc + 1;
	m.rootfs = &rfs;
	meta_net(&m, o);
	m.start_ns = now_ns();
	loop_signals(&waitmask);
	/* Before prepare() starts the root_fs hash thread: every thread of hostd inherits. */
	if (cpu_pin_plan(&jail.cpu) < 0) {
		free(argv);
		return HOSTD_EXIT_SETUP;
	}
	m.guest_cpu = jail.cpu;
	st = start_run(o, &m, &r, argv, &jail);
	if (st)
		return st;
	if (o->net.user && drop_privileges(&pd, m.dirfd, r.rec, o->run_dir) < 0) {
		dropped = 0;
		loop_stop_guest(&r);	/* nothing runs with a hostd that kept root against its orders */
	} else {
		/* After the drop, so the reader thread has hostd's final credentials; if it
		 * cannot start, the record has failed and the loop pauses the guest. */
		if (r.cap)
			capture_start(r.cap);
		signalled = loop_run(&r, &waitmask) == LOOP_SIGNAL;
	}
	if (signalled) {
		report("signal %d: killing the guest and closing the archive", loop_stop_signal());
		loop_stop_guest(&r);
	}
	close_net(&r);
	console_close(&con, r.rec);
	budget_scan(&bud);
	rootfs_finish(&rfs, signalled || !dropped ? 0 : HOSTD_ROOTFS_HASH_WAIT_MS);
	m.guest_exited = g.exited;
	m.guest_status = g.status;
	m.state = !dropped ? "failed" : signalled ? "signalled" : "stopped";
	st = dropped ? exit_status(r.rec, &g, signalled) : HOSTD_EXIT_SETUP;
	if (finish(r.rec, r.a, &m, signalled ? "hostd stopped" : "stream end") < 0 && st == HOSTD_EXIT_OK)
		st = HOSTD_EXIT_RECORD;
	close(m.dirfd);
	free(argv);
	return st;
}

int main(int argc, char **argv)
{
	struct opts o;
	int r;

	report_prog = "hostd";

	hold_std_fds();
	umask(027);
	r = parse_opts(argc, argv, &o);
	if (r)
		return r;
	return o.parse ? run_parse(&o) : run_live(&o);
}
