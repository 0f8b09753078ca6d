/* SPDX-License-Identifier: GPL-2.0 */
/* Messages on stderr, each prefixed with the program's name. */
#ifndef REPORT_H
#define REPORT_H

/* The prefix: each program's main sets it ("honeynet", "hostd"). */
extern const char *report_prog;

void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Like report(), with strerror(errno) appended; errno is read first. */
void report_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
