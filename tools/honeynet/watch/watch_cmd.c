// SPDX-License-Identifier: GPL-2.0
/* The watch feed as a command: on stdout until Ctrl-C (SIGINT, SIGTERM, SIGHUP). */
#include <signal.h>
#include <stdio.h>

#include "report.h"
#include "watch_cmd.h"

static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

int watch_run(const struct watch_src *src, size_t n)
{
	struct sigaction sa = { .sa_handler = on_stop_signal };

	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) || sigaction(SIGTERM, &sa, NULL) ||
	    sigaction(SIGHUP, &sa, NULL)) {
		report_errno("sigaction");
		return 1;
	}
	if (watch_follow(src, n, &stop_requested, stdout) < 0) {
		report_errno("watch: stdout");
		return 1;
	}
	return 0;
}
