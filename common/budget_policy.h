/* SPDX-License-Identifier: GPL-2.0 */
/* The archive budget's policy, once: hostd enforces it, honeynet checks the disk against it first. */
#ifndef BUDGET_POLICY_H
#define BUDGET_POLICY_H

#include <stdint.h>

/*
 * A run directory may hold at most its budget (allocated blocks, every
 * file in it: tty/, events.jsonl, meta.json, console.log, pcap/, disk.cow,
 * the lab's files). Without --budget it is half of the space free to
 * unprivileged users on the archive's filesystem when the run starts: the
 * other half stays for the host and for the next run's start.
 */
#define BUDGET_DEFAULT_FREE_DIV 2

/* The capture's share of the budget, in percent: beyond it packets are
 * counted, not written, so a flood cannot starve the tty log and the exec
 * records, which keep the rest. */
#define BUDGET_CAPTURE_PCT 50

/* The smallest budget: meta.json, events.jsonl and a first pcap file fit. */
#define BUDGET_MIN (1ULL << 20)

/* The largest: far beyond any disk, and no sum of it overflows. */
#define BUDGET_MAX (1ULL << 60)

/* The default budget for free bytes, at least BUDGET_MIN. */
uint64_t budget_default(uint64_t free_bytes);

/* The capture's share of a budget. */
uint64_t budget_capture_share(uint64_t budget);

/* Bytes free to unprivileged users on the filesystem of path, or of its
 * nearest existing parent (the archive may not exist yet). 0, or -1 with errno. */
int budget_fs_free(const char *path, uint64_t *free_bytes);

#endif
