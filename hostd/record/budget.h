/* SPDX-License-Identifier: GPL-2.0 */
/* The run's archive budget: what the run directory holds on disk, measured on a timer; its end fails the record. */
#ifndef BUDGET_H
#define BUDGET_H

#include <limits.h>
#include <stdint.h>

#include "hostd.h"
#include "record.h"

/* A subdirectory's size at the last scan that could read it. */
struct budget_dir {
	char name[NAME_MAX + 1];
	uint64_t bytes;
	int said;		/* that a scan could not read it was said */
};

/*
 * The policy is common/budget_policy.h's. The scan adds st_blocks * 512 of
 * every file and directory under the run directory (so a sparse disk.cow
 * counts what it allocated), on a timer that keeps its cost near 1% of a
 * CPU however many files there are (the guest decides how many tty
 * sessions, so how many files, a run has). A subdirectory hostd cannot
 * read after its privilege drop (one root or another user keeps to
 * itself) keeps the figure of the last scan that read it: the first is
 * made as root. That is said once on stderr, naming the directory and the
 * figure: whatever grows in it from then on is not seen.
 */
struct budget {
	uint64_t total;			/* bytes the run directory may hold */
	uint64_t capture_share;		/* of which pcap/ may hold at most this */
	int dirfd;			/* the run directory (the archive's) */
	uint64_t used;			/* at the last scan */
	uint64_t next_scan_ms;		/* monotonic */
	int said;			/* the end was reached and said */
	struct budget_dir dirs[HOSTD_BUDGET_DIRS];
	unsigned int n_dirs;
};

/* Sets up the budget of total bytes over dirfd and scans it once (call while root). */
void budget_init(struct budget *b, int dirfd, uint64_t total);

/* Allocated bytes of everything under the run directory now; also kept in used. */
uint64_t budget_scan(struct budget *b);

/* Scans when due; at the budget's end fails the record, naming the budget (the loop pauses the guest). */
void budget_tick(struct budget *b, struct record *rec, uint64_t mono_now_ms);

/* Milliseconds until budget_tick has a scan to do. */
int budget_timeout_ms(const struct budget *b, uint64_t mono_now_ms);

/* Whether n more bytes fit under limit once used are taken (no overflow). */
int budget_fits(uint64_t limit, uint64_t used, uint64_t n);

#endif
