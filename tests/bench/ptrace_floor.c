// SPDX-License-Identifier: GPL-2.0
/* The floor of UML's design: one PTRACE_SYSEMU round trip between two host processes. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * Usage: ptrace_floor ROUNDS TRACER_CPU TRACEE_CPU
 * Prints the microseconds of one round trip as UML's userspace loop makes
 * it for a guest system call, without the FP state: the tracee stops at a
 * system call (PTRACE_SYSEMU), the tracer waits for it, reads and writes
 * its registers (PTRACE_GETREGS, PTRACE_SETREGS: the call's result) and
 * resumes it. Both CPUs the same: the one-CPU floor; different: the
 * cross-CPU wake-up that an unpinned guest pays. A CPU of -1 leaves the
 * affinity as inherited (pinned by taskset where the floor runs under a
 * seccomp filter that refuses sched_setaffinity).
 */

static void die(const char *what)
{
	fprintf(stderr, "ptrace_floor: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void pin(int cpu)
{
	cpu_set_t set;

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) < 0)
		die("sched_setaffinity");
}

static void __attribute__((noreturn)) tracee(int cpu)
{
	pin(cpu);
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
		die("PTRACE_TRACEME");
	raise(SIGSTOP);
	for (;;)
		syscall(SYS_getppid);
}

static double now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static void stop(pid_t child)
{
	int st;

	if (waitpid(child, &st, 0) < 0)
		die("waitpid");
	if (!WIFSTOPPED(st)) {
		fprintf(stderr, "ptrace_floor: the tracee ended (status %#x)\n", st);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	struct user_regs_struct regs;
	long rounds, i;
	double t0;
	pid_t child;

	if (argc != 4 || (rounds = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: ptrace_floor ROUNDS TRACER_CPU TRACEE_CPU\n");
		return 2;
	}
	pin(atoi(argv[2]));
	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0)
		tracee(atoi(argv[3]));
	stop(child);
	if (ptrace(PTRACE_SETOPTIONS, child, NULL, (void *)PTRACE_O_EXITKILL) < 0)
		die("PTRACE_SETOPTIONS");
	if (ptrace(PTRACE_SYSEMU, child, NULL, NULL) < 0)
		die("PTRACE_SYSEMU");
	t0 = now_us();
	for (i = 0; i < rounds; i++) {
		stop(child);
		if (ptrace(PTRACE_GETREGS, child, NULL, &regs) < 0)
			die("PTRACE_GETREGS");
		regs.rax = (unsigned long long)getpid();
		if (ptrace(PTRACE_SETREGS, child, NULL, &regs) < 0)
			die("PTRACE_SETREGS");
		if (ptrace(PTRACE_SYSEMU, child, NULL, NULL) < 0)
			die("PTRACE_SYSEMU");
	}
	printf("%.2f\n", (now_us() - t0) / (double)rounds);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return 0;
}
