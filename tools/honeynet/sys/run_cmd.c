// SPDX-License-Identifier: GPL-2.0
/* Runs a host command (ip, nft) to completion and reports how it failed. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report.h"
#include "run_cmd.h"
#include "write_all.h"

static void describe(const char *const argv[], char *buf, size_t len)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; argv[i] && used + 1 < len; i++) {
		int n = snprintf(buf + used, len - used, "%s%s", i ? " " : "",
				 argv[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static void child(const char *const argv[], int in_fd, int quiet)
{
	int null_fd = open("/dev/null", O_RDWR);

	if (null_fd < 0)
		_exit(126);
	if (dup2(in_fd >= 0 ? in_fd : null_fd, STDIN_FILENO) < 0)
		_exit(126);
	if (quiet && dup2(null_fd, STDERR_FILENO) < 0)
		_exit(126);
	if (quiet && dup2(null_fd, STDOUT_FILENO) < 0)
		_exit(126);
	execvp(argv[0], (char *const *)argv);
	_exit(errno == ENOENT ? 127 : 126);
}

static int wait_child(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

int run_cmd(const char *const argv[], const char *input, int quiet)
{
	char what[512];
	int pfd[2] = { -1, -1 };
	int status, fed = 0;
	size_t done;
	pid_t pid;

	describe(argv, what, sizeof(what));
	if (input && pipe2(pfd, O_CLOEXEC) < 0) {
		report_errno("%s: pipe", what);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		report_errno("%s: fork", what);
		goto out_close;
	}
	if (pid == 0)
		child(argv, pfd[0], quiet);
	if (input) {
		close(pfd[0]);
		pfd[0] = -1;
		signal(SIGPIPE, SIG_IGN);
		fed = write_all(pfd[1], input, strlen(input), &done);
		close(pfd[1]);
		pfd[1] = -1;
	}
	if (wait_child(pid, &status) < 0) {
		report_errno("%s: wait", what);
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && fed == 0)
		return 0;
	if (quiet)
		return -1;
	if (fed)
		report("%s: could not write its input", what);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		report("%s: command not found; run 'make deps'", what);
	else if (WIFEXITED(status))
		report("%s: exited with status %d", what, WEXITSTATUS(status));
	else
		report("%s: killed by signal %d", what, WTERMSIG(status));
	return -1;
out_close:
	if (input) {
		close(pfd[0]);
		close(pfd[1]);
	}
	return -1;
}
