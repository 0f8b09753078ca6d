// SPDX-License-Identifier: GPL-2.0
/* Data Capture: the guest's interface through libpcap into rotated gzip pcap files under RUN_DIR/pcap. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "bytesize.h"
#include "capture.h"
#include "hostd.h"
#include "clock.h"
#include "report.h"

/* Recording failed: the same state a tty-file failure sets, so the loop pauses the guest. */
static void capture_fail(struct capture *c, const char *name, int err)
{
	char path[ROT_NAME_MAX + 16];

	snprintf(path, sizeof(path), "pcap/%s", name);
	record_fail_file(c->rec, "capture", path, err);
}

/* The rotor's last step failed. */
static void rot_failed(struct capture *c)
{
	const char *path;
	int err = rot_error(&c->rot, &path);

	capture_fail(c, path, err);
}

/* Reader thread: one packet into the queue (a full queue counts it dropped). */
static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
	struct capture *c = (struct capture *)user;
	struct pktq_rec r = {
		.sec = (uint32_t)h->ts.tv_sec, .usec = (uint32_t)h->ts.tv_usec,
		.caplen = h->caplen < HOSTD_PCAP_SNAPLEN ? h->caplen : HOSTD_PCAP_SNAPLEN,
		.len = h->len,
	};

	pktq_put(&c->q, &r, data);
}

/* Reader thread: tells the loop that packets wait (or that the reader stopped). */
static void notify(struct capture *c)
{
	uint64_t one = 1;

	/* Fails only if the counter would overflow; the loop's timer looks at the queue anyway. */
	if (write(c->fd, &one, sizeof(one)) < 0)
		errno = 0;
}

/* Reader thread: empties the ring into the queue. 0, or -1 on a read error (read_msg says it). */
static int drain_ring(struct capture *c)
{
	int k;

	do {
		pthread_mutex_lock(&c->plock);
		k = pcap_dispatch(c->p, HOSTD_PCAP_DISPATCH, on_packet, (u_char *)c);
		if (k < 0)
			snprintf(c->read_msg, sizeof(c->read_msg), "%s", pcap_geterr(c->p));
		pthread_mutex_unlock(&c->plock);
	} while (k > 0);
	if (k < 0)
		atomic_store_explicit(&c->read_err, 1, memory_order_release);
	return k < 0 ? -1 : 0;
}

/* The reader thread: waits for the ring, drains it, until a read error or the stop. */
static void *reader(void *arg)
{
	struct capture *c = arg;
	struct pollfd p[2] = { { c->pcap_fd, POLLIN, 0 }, { c->stop_fd, POLLIN, 0 } };
	int stopping = 0;

	while (!stopping) {
		if (poll(p, 2, -1) < 0 && errno != EINTR) {
			snprintf(c->read_msg, sizeof(c->read_msg), "poll: %s", strerror(errno));
			atomic_store_explicit(&c->read_err, 1, memory_order_release);
			break;
		}
		stopping = p[1].revents != 0;
		if (drain_ring(c) < 0)
			break;
		notify(c);
	}
	notify(c);
	return NULL;
}

int capture_start(struct capture *c)
{
	sigset_t all, old;
	int e;

	/* Signals are the loop's: the reader blocks them all. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	e = pthread_create(&c->reader, NULL, reader, c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (e) {
		record_fail(c->rec, "capture %s: cannot start the reader thread: %s", c->iface,
			     strerror(e));
		return -1;
	}
	c->reader_on = 1;
	return 0;
}

static void read_error(struct capture *c)
{
	char msg[PCAP_ERRBUF_SIZE + 64];
	struct jline *j;

	if (c->read_failed || !atomic_load_explicit(&c->read_err, memory_order_acquire))
		return;
	c->read_failed = 1;
	snprintf(msg, sizeof(msg), "capture %s: %s", c->iface, c->read_msg);
	j = record_event(c->rec, "hostd.error");
	jl_cstr(j, "what", msg);
	jl_cstr(j, "event", "capture");
	record_emit(c->rec);
	/* Nothing is recorded from here on: fail closed. */
	record_fail(c->rec, "%s", msg);
}

/* The share is used up: said once, on stderr and as capture.full; the tty log and exec records go on. */
static void share_full(struct capture *c, uint64_t used, uint32_t caplen)
{
	char share[32], held[32];
	struct jline *j;

	c->full = 1;
	bytesize_format(c->budget->capture_share, share, sizeof(share));
	bytesize_format(used, held, sizeof(held));
	report("capture %s: the capture's share of the budget, %s, is used up (pcap/ holds %s); "
	       "packets from now on are counted, not written", c->iface, share, held);
	j = record_event(c->rec, "capture.full");
	jl_cstr(j, "iface", c->iface);
	jl_u64(j, "share", c->budget->capture_share);
	jl_u64(j, "budget", c->budget->total);
	jl_u64(j, "used", used);
	jl_u64(j, "packet", PCAP_REC_SIZE + (uint64_t)caplen);
	jl_cstr(j, "file", rot_file(&c->rot));
	record_emit(c->rec);
}

/*
 * Whether a record of caplen bytes still fits the share; once one does not,
 * none does. At the budget's end or once recording failed (the guest
 * paused) nothing more is written: the room then given back is for what
 * hostd says of the failure, not for the packets a paused guest still gets.
 * The count of what is not yet deflated is an upper bound: near the end a
 * sync flush makes it exact, so the share is used to the last record.
 */
static int share_fits(struct capture *c, uint32_t caplen)
{
	uint64_t n = PCAP_REC_SIZE + (uint64_t)caplen;

	if (c->full || c->budget->said || record_failed(c->rec))
		return 0;
	if (budget_fits(c->budget->capture_share, rot_disk_bytes(&c->rot), n))
		return 1;
	if (rot_unsynced(&c->rot) && rot_flush(&c->rot) < 0)
		rot_failed(c);
	if (budget_fits(c->budget->capture_share, rot_disk_bytes(&c->rot), n))
		return 1;
	share_full(c, rot_disk_bytes(&c->rot), caplen);
	return 0;
}

/* Writer: up to max queued packets into the file. */
static void write_queued(struct capture *c, unsigned int max)
{
	const unsigned char *data;
	struct pktq_rec h;
	unsigned int i;

	for (i = 0; i < max && pktq_peek(&c->q, &h, &data); i++) {
		if (!share_fits(c, h.caplen))
			c->dropped_budget++;
		else if (rot_put(&c->rot, h.sec, h.usec, h.caplen, h.len, data) < 0)
			rot_failed(c);
		pktq_pop(&c->q);
	}
}

void capture_read(struct capture *c)
{
	uint64_t n;

	if (read(c->fd, &n, sizeof(n)) < 0)
		errno = 0;	/* EAGAIN: nothing said since the last read; the queue is looked at anyway */
	write_queued(c, HOSTD_PCAP_DRAIN);
	read_error(c);
}

/* pcap_stats, or the last figures if it fails; the reader may be in pcap_dispatch. */
static struct pcap_stat ring_stats(struct capture *c)
{
	struct pcap_stat st;
	int r;

	memset(&st, 0, sizeof(st));
	pthread_mutex_lock(&c->plock);
	r = pcap_stats(c->p, &st);
	pthread_mutex_unlock(&c->plock);
	return r < 0 ? c->last : st;
}

/* capture.stats for the file that just ended (its final name), and a drop said on stderr. */
static void emit_stats(struct capture *c, const char *reason)
{
	struct pcap_stat st = ring_stats(c);
	struct rot_counts k = rot_counts(&c->rot);
	uint64_t queue = pktq_dropped(&c->q);
	uint64_t dropped = k.dropped + queue - c->last_dropped_queue;
	struct jline *j;

	j = record_event(c->rec, "capture.stats");
	jl_cstr(j, "iface", c->iface);
	jl_cstr(j, "file", rot_file(&c->rot));
	jl_cstr(j, "reason", reason);
	jl_u64(j, "received", st.ps_recv);
	jl_u64(j, "dropped_kernel", st.ps_drop);
	jl_u64(j, "dropped_iface", st.ps_ifdrop);
	jl_u64(j, "dropped_hostd", k.dropped_all + queue);
	jl_u64(j, "dropped_queue", queue);
	jl_u64(j, "dropped_budget", c->dropped_budget);
	jl_u64(j, "written", k.packets);
	jl_u64(j, "bytes", k.bytes);
	jl_u64(j, "file_packets", k.file_packets);
	jl_u64(j, "file_bytes", k.file_bytes);
	record_emit(c->rec);
	if (st.ps_drop > c->last.ps_drop || st.ps_ifdrop > c->last.ps_ifdrop || dropped)
		report("capture %s: %u packets dropped by the kernel, %u by the interface, "
		       "%llu by hostd since the last capture.stats (%s)", c->iface,
		       st.ps_drop - c->last.ps_drop, st.ps_ifdrop - c->last.ps_ifdrop,
		       (unsigned long long)dropped, reason);
	c->last = st;
	c->last_dropped_queue = queue;
}

static void step(struct capture *c, uint64_t now, uint64_t mono_now_ms)
{
	int writing = rot_file(&c->rot) != NULL;

	if (rot_step(&c->rot, (int64_t)(now / 1000000000ULL), mono_now_ms) < 0)
		rot_failed(c);
	if (!writing && rot_file(&c->rot))
		c->last_flush_ms = mono_now_ms;
}

void capture_tick(struct capture *c, uint64_t now, uint64_t mono_now_ms)
{
	write_queued(c, HOSTD_PCAP_DRAIN);
	read_error(c);
	if (rot_due(&c->rot, (int64_t)(now / 1000000000ULL))) {
		emit_stats(c, "rotate");
		rot_begin(&c->rot, 0);
	}
	if (rot_file(&c->rot) && mono_now_ms - c->last_flush_ms >= c->flush_ms) {
		c->last_flush_ms = mono_now_ms;
		if (rot_flush(&c->rot) < 0)
			rot_failed(c);
	}
	step(c, now, mono_now_ms);
}

int capture_timeout_ms(struct capture *c, uint64_t now, uint64_t mono_now_ms)
{
	uint64_t t = c->flush_ms, flush_due = c->last_flush_ms + c->flush_ms;

	if (!pktq_empty(&c->q))
		return 0;	/* the last turn left packets queued */
	if (rot_file(&c->rot))
		t = flush_due > mono_now_ms ? flush_due - mono_now_ms : 0;
	return (int)rot_timeout_ms(&c->rot, (int64_t)(now / 1000000ULL), mono_now_ms, t);
}

static pcap_t *open_iface(const char *iface)
{
	char err[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p = pcap_create(iface, err);
	int r;

	if (!p) {
		report("capture %s: %s; guest not started", iface, err);
		return NULL;
	}
	if (pcap_set_snaplen(p, HOSTD_PCAP_SNAPLEN) || pcap_set_promisc(p, 1) ||
	    pcap_set_timeout(p, HOSTD_PCAP_TIMEOUT_MS) ||
	    pcap_set_buffer_size(p, HOSTD_PCAP_BUFFER)) {
		report("capture %s: cannot set the capture options; guest not started", iface);
		pcap_close(p);
		return NULL;
	}
	r = pcap_activate(p);
	if (r < 0) {
		report("capture %s: %s (%s); guest not started", iface, pcap_statustostr(r),
		       pcap_geterr(p));
		pcap_close(p);
		return NULL;
	}
	if (r > 0)
		report("capture %s: %s (%s); capturing anyway", iface, pcap_statustostr(r),
		       pcap_geterr(p));
	return p;
}

/* Non-blocking, pollable, and not inherited by the guest kernel. */
static int prepare_fd(pcap_t *p, const char *iface)
{
	char err[PCAP_ERRBUF_SIZE];
	int fd = pcap_get_selectable_fd(p);

	if (fd < 0 || pcap_setnonblock(p, 1, err) < 0 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
		report("capture %s: no pollable descriptor; guest not started", iface);
		return -1;
	}
	return fd;
}

static int open_dir(struct capture *c)
{
	c->dirfd = record_subdir(c->rec, "pcap");
	if (c->dirfd < 0)
		report("%s/pcap: %s; cannot create the capture directory; guest not started",
		       record_path(c->rec), strerror(errno));
	return c->dirfd;
}

static void start_event(struct capture *c, uint32_t linktype, unsigned int period)
{
	struct jline *j = record_event(c->rec, "capture.start");

	jl_cstr(j, "iface", c->iface);
	jl_u64(j, "linktype", linktype);
	jl_u64(j, "snaplen", HOSTD_PCAP_SNAPLEN);
	jl_u64(j, "rotate", period);
	jl_cstr(j, "file", rot_file(&c->rot));
	record_emit(c->rec);
}

/* The queue, the two eventfds and the handle's lock; -1 after saying why. */
static int open_queue(struct capture *c)
{
	c->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	c->stop_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (c->fd < 0 || c->stop_fd < 0 || pktq_init(&c->q, HOSTD_PCAP_QUEUE) < 0) {
		report("capture %s: queue: %s; guest not started", c->iface, strerror(errno));
		return -1;
	}
	pthread_mutex_init(&c->plock, NULL);
	return 0;
}

static void close_queue(struct capture *c)
{
	pktq_free(&c->q);
	if (c->fd >= 0)
		close(c->fd);
	if (c->stop_fd >= 0)
		close(c->stop_fd);
}

struct capture *capture_open(struct record *rec, const char *iface, unsigned int period,
			     unsigned int flush_ms, const struct budget *b)
{
	struct capture *c = calloc(1, sizeof(*c));
	char dir[PATH_MAX + 8];
	uint32_t linktype;
	const char *path;
	int err;

	if (!c)
		return NULL;
	c->rec = rec;
	c->dirfd = -1;
	c->budget = b;
	c->flush_ms = flush_ms < HOSTD_PCAP_FLUSH_MS ? flush_ms : HOSTD_PCAP_FLUSH_MS;
	snprintf(c->iface, sizeof(c->iface), "%s", iface);
	if (open_queue(c) < 0)
		goto out_queue;
	if (open_dir(c) < 0)
		goto out_queue;
	c->p = open_iface(iface);
	if (!c->p)
		goto out_dir;
	c->pcap_fd = prepare_fd(c->p, iface);
	if (c->pcap_fd < 0)
		goto out_pcap;
	snprintf(dir, sizeof(dir), "%s/pcap", record_path(rec));
	linktype = pcap_linktype(pcap_datalink(c->p));
	rot_init(&c->rot, c->dirfd, dir, iface, HOSTD_PCAP_SNAPLEN, linktype, period);
	if (rot_step(&c->rot, (int64_t)(now_ns() / 1000000000ULL), mono_ms()) < 0) {
		err = rot_error(&c->rot, &path);
		report("%s/%s: %s; guest not started", dir, path, strerror(err));
		goto out_pcap;
	}
	c->last_flush_ms = mono_ms();
	start_event(c, linktype, period);
	return c;

out_pcap:
	pcap_close(c->p);
out_dir:
	close(c->dirfd);
out_queue:
	close_queue(c);
	free(c);
	return NULL;
}

static void summary(const struct capture *c)
{
	struct rot_counts k = rot_counts(&c->rot);

	report("capture %s: %u received, %u/%u dropped by the kernel/interface, %llu by hostd, "
	       "%llu over the budget; %llu packets (%llu bytes) written in %llu files", c->iface,
	       c->last.ps_recv, c->last.ps_drop, c->last.ps_ifdrop,
	       (unsigned long long)(k.dropped_all + c->last_dropped_queue),
	       (unsigned long long)c->dropped_budget, (unsigned long long)k.packets,
	       (unsigned long long)k.bytes, (unsigned long long)k.files);
}

/* The reader drains the ring once more and exits (never started: the ring is drained here). */
static void stop_reader(struct capture *c)
{
	uint64_t one = 1;

	if (!c->reader_on) {
		drain_ring(c);
		return;
	}
	if (write(c->stop_fd, &one, sizeof(one)) < 0)
		report("capture %s: cannot stop the reader: %s", c->iface, strerror(errno));
	pthread_join(c->reader, NULL);
	c->reader_on = 0;
}

void capture_close(struct capture *c)
{
	uint64_t m;
	int i;

	if (!c)
		return;
	stop_reader(c);
	while (!pktq_empty(&c->q))
		write_queued(c, HOSTD_PCAP_DRAIN);
	read_error(c);
	emit_stats(c, "stop");
	rot_begin(&c->rot, 1);
	/* A step that fails (a full disk) gets a few tries, then the file stays .part. */
	for (i = 0; i < 3 && !rot_done(&c->rot); i++) {
		m = mono_ms();
		rot_retry_now(&c->rot);
		if (rot_step(&c->rot, (int64_t)(now_ns() / 1000000000ULL), m) < 0)
			rot_failed(c);
	}
	if (!rot_done(&c->rot)) {
		report("capture %s/pcap/%s: left unfinished (%s); what it holds reads up to its last flush",
		       record_path(c->rec), rot_part(&c->rot), rot_state(&c->rot));
		rot_abandon(&c->rot);
	}
	summary(c);
	pcap_close(c->p);
	pthread_mutex_destroy(&c->plock);
	close_queue(c);
	close(c->dirfd);
	free(c);
}
