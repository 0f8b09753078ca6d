/* SPDX-License-Identifier: GPL-2.0 */
/* Archive retention: a honeypot's oldest run directories removed by age and by total size. */
#ifndef RETENTION_H
#define RETENTION_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

/*
 * In dir (ARCHIVE/NAME), removes the run directories (named as run_dir_name
 * makes them; nothing else in dir is touched) that started more than
 * keep_days days before now, then the oldest ones while everything in dir
 * takes more than keep_bytes on disk. 0 disables either rule. keep (a run
 * directory's name, or NULL) is never removed: the run being recorded. One
 * line per removal goes to log. 0, or -1 after a report.
 */
int retention_prune(const char *dir, const char *keep, unsigned int keep_days,
		    uint64_t keep_bytes, time_t now, FILE *log);

#endif
