// SPDX-License-Identifier: GPL-2.0
/* The jail's seccomp allow-list: the host system calls a UML kernel and its helpers make. */
#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <stddef.h>
#include <sys/socket.h>

#include "jail_seccomp.h"

/*
 * Measured, not guessed: hostd built with -DJAIL_SECCOMP_MEASURE logs
 * (SECCOMP_RET_LOG) instead of killing; the lab then booted, took ssh
 * logins, ran a fork bomb, a memory hog that woke the guest's OOM killer,
 * a reboot (UML re-executes itself) and a poweroff, and the whole
 * integration suite; every call the host's kernel log named is below, in
 * groups, with why UML makes it (audit type 1326, "syscall=N"). The guest's own system calls
 * never reach this filter: PTRACE_SYSEMU stops them before seccomp runs.
 */
#ifdef JAIL_SECCOMP_MEASURE
#define JAIL_SECCOMP_DEFAULT SCMP_ACT_LOG
#else
#define JAIL_SECCOMP_DEFAULT SCMP_ACT_KILL_PROCESS
#endif

static const int allowed[] = {
	/* Files: the disks (ubd), the COW, the persona, the memory file, cpuinfo. */
	SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(pread64), SCMP_SYS(pwrite64),
	SCMP_SYS(readv), SCMP_SYS(writev), SCMP_SYS(preadv), SCMP_SYS(pwritev),
	SCMP_SYS(open), SCMP_SYS(openat), SCMP_SYS(close), SCMP_SYS(close_range),
	SCMP_SYS(lseek), SCMP_SYS(fstat), SCMP_SYS(stat), SCMP_SYS(lstat),
	SCMP_SYS(newfstatat), SCMP_SYS(statx), SCMP_SYS(fstatfs), SCMP_SYS(statfs),
	SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2),
	SCMP_SYS(fsync), SCMP_SYS(fdatasync), SCMP_SYS(ftruncate), SCMP_SYS(fallocate),
	SCMP_SYS(fcntl), SCMP_SYS(flock), SCMP_SYS(getdents64), SCMP_SYS(readlink),
	SCMP_SYS(unlink), SCMP_SYS(unlinkat), SCMP_SYS(mkdir), SCMP_SYS(mkdirat),
	SCMP_SYS(rmdir), SCMP_SYS(umask), SCMP_SYS(getcwd), SCMP_SYS(chdir),
	SCMP_SYS(fchmod), SCMP_SYS(dup), SCMP_SYS(dup2), SCMP_SYS(dup3),
	SCMP_SYS(pipe), SCMP_SYS(pipe2), SCMP_SYS(ioctl),
	/* Memory: physical memory is a mapped tmpfs file; the stubs map and unmap guest pages. */
	SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mprotect), SCMP_SYS(mremap),
	SCMP_SYS(madvise), SCMP_SYS(msync), SCMP_SYS(brk),
	/* Processes: one host process per guest address space, traced by the kernel. */
	SCMP_SYS(ptrace), SCMP_SYS(wait4), SCMP_SYS(waitid), SCMP_SYS(fork),
	SCMP_SYS(vfork), SCMP_SYS(execve), SCMP_SYS(exit), SCMP_SYS(exit_group),
	SCMP_SYS(kill), SCMP_SYS(tkill), SCMP_SYS(tgkill), SCMP_SYS(getpid),
	SCMP_SYS(getppid), SCMP_SYS(gettid), SCMP_SYS(setsid), SCMP_SYS(setpgid),
	SCMP_SYS(getpgrp), SCMP_SYS(prctl), SCMP_SYS(arch_prctl),
	/* The stub sets each address space's LDT (measured: x86_64 UML's stub calls it). */
	SCMP_SYS(modify_ldt),
	SCMP_SYS(set_tid_address), SCMP_SYS(set_robust_list), SCMP_SYS(rseq),
	SCMP_SYS(futex), SCMP_SYS(sched_yield), SCMP_SYS(sched_getaffinity),
	SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid), SCMP_SYS(getegid),
	/* Patch 0005's start-up check that the kernel is not the host's root. */
	SCMP_SYS(getresuid), SCMP_SYS(getresgid), SCMP_SYS(capget),
	SCMP_SYS(getrlimit), SCMP_SYS(prlimit64), SCMP_SYS(getrusage), SCMP_SYS(uname),
	SCMP_SYS(sysinfo), SCMP_SYS(getrandom),
	/* Signals: SIGIO, SIGALRM, SIGSEGV drive the kernel; each thread has an altstack. */
	SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn),
	SCMP_SYS(rt_sigsuspend), SCMP_SYS(rt_sigtimedwait), SCMP_SYS(sigaltstack),
	/* Time: the timer tick and the idle sleep. */
	SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres), SCMP_SYS(gettimeofday),
	SCMP_SYS(nanosleep), SCMP_SYS(clock_nanosleep), SCMP_SYS(setitimer),
	SCMP_SYS(getitimer), SCMP_SYS(timer_create), SCMP_SYS(timer_settime),
	SCMP_SYS(timer_gettime), SCMP_SYS(timer_delete), SCMP_SYS(alarm),
	/* Waiting on fds: the SIGIO helper and the idle loop. */
	SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(select), SCMP_SYS(pselect6),
	SCMP_SYS(epoll_create), SCMP_SYS(epoll_create1), SCMP_SYS(epoll_ctl), SCMP_SYS(epoll_wait),
	SCMP_SYS(epoll_pwait), SCMP_SYS(pause),
	/* The mconsole's Unix datagram socket (socket() itself is limited to AF_UNIX below). */
	SCMP_SYS(bind), SCMP_SYS(connect), SCMP_SYS(sendto), SCMP_SYS(recvfrom),
	SCMP_SYS(sendmsg), SCMP_SYS(recvmsg), SCMP_SYS(getsockname), SCMP_SYS(socketpair),
	SCMP_SYS(setsockopt), SCMP_SYS(getsockopt), SCMP_SYS(shutdown),
};

/* clone may make threads and processes, never namespaces. */
#define JAIL_NS_FLAGS (CLONE_NEWNS | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | \
		       CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP | CLONE_NEWTIME)

static int add_rules(scmp_filter_ctx ctx)
{
	size_t i;
	int r;

	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, allowed[i], 0);
		if (r < 0)
			return r;
	}
	r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
			     SCMP_A0(SCMP_CMP_MASKED_EQ, JAIL_NS_FLAGS, 0));
	if (r < 0)
		return r;
	/* clone3 takes its flags in memory, where a filter cannot look: glibc falls back to clone. */
	r = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
	if (r < 0)
		return r;
	/* EQ ignores the second datum; given, so the initializer is whole for clang. */
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1,
				SCMP_A0(SCMP_CMP_EQ, AF_UNIX, 0));
}

int jail_seccomp_load(void)
{
	scmp_filter_ctx ctx = seccomp_init(JAIL_SECCOMP_DEFAULT);
	int r;

	if (!ctx) {
		errno = ENOMEM;
		return -1;
	}
	/* A binary tree by syscall number: about eight comparisons instead of a
	 * walk through the whole list, on each of the five or six host calls
	 * (ptrace, wait4) that one guest system call costs the kernel. */
	r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (r == 0)
		r = add_rules(ctx);
	if (r == 0)
		r = seccomp_load(ctx);
	seccomp_release(ctx);
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return 0;
}
