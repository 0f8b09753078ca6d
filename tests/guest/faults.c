// SPDX-License-Identifier: GPL-2.0
/*
 * Runs in the guest as root: page faults give a guest process what a real
 * kernel gives it. The kernel handles a first touch of anonymous memory
 * from the host's siginfo alone (patches/0008) and everything else through
 * the SIGSEGV stub; each way is checked here: fresh memory reads as zeros
 * and keeps what is written, a private file mapping keeps showing the
 * file until written, a shared one writes the file, fork's copies stay
 * apart, the stack grows, and a bad access gets SIGSEGV with the address,
 * si_code, error code and trap number the hardware gave.
 * Prints one line per failed check and "faults: ok" when all held.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#define PAGES 64
#define PF_WRITE 2	/* x86 page fault error code: the access was a write */
#define TRAP_PF 14

static long page;
static int failed;
static sigjmp_buf back;
static volatile siginfo_t caught;
static volatile long caught_err, caught_trapno;

static void fail(const char *what)
{
	printf("faults: %s\n", what);
	failed++;
}

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig;
	caught = *si;
	caught_err = uc->uc_mcontext.gregs[REG_ERR];
	caught_trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	siglongjmp(back, 1);
}

static char *map(int prot, int flags, int fd)
{
	char *p = mmap(NULL, PAGES * page, prot, flags, fd, 0);

	if (p == MAP_FAILED) {
		printf("faults: mmap: %s\n", strerror(errno));
		exit(2);
	}
	return p;
}

/* 1 when touching *p (a write when write is set) raised SIGSEGV with si_code code. */
static int segv_on(volatile char *p, int write, int code, const char *what)
{
	char msg[160];

	if (sigsetjmp(back, 1) == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		snprintf(msg, sizeof(msg), "%s: no SIGSEGV", what);
		fail(msg);
		return 0;
	}
	if (caught.si_addr != (void *)p || caught.si_code != code ||
	    caught_trapno != TRAP_PF || !!(caught_err & PF_WRITE) != write) {
		snprintf(msg, sizeof(msg), "%s: SIGSEGV addr %p code %d err %#lx trapno %ld, "
			 "expected %p code %d write %d trapno %d", what, caught.si_addr,
			 caught.si_code, caught_err, caught_trapno, (void *)p, code, write, TRAP_PF);
		fail(msg);
		return 0;
	}
	return 1;
}

static void fresh_anonymous(void)
{
	char *p = map(PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	long i;

	for (i = 0; i < PAGES * page; i += page / 2)
		if (p[i] != 0)
			return fail("fresh anonymous memory read nonzero");
	for (i = 0; i < PAGES * page; i += 64)
		p[i] = (char)(i / 64);
	for (i = 0; i < PAGES * page; i += 64)
		if (p[i] != (char)(i / 64))
			return fail("anonymous memory lost a write");
	munmap(p, PAGES * page);
}

static void bad_accesses(void)
{
	char *ro = map(PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	char *none = map(PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	char *gone = map(PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);

	if (ro[3 * page] != 0)
		fail("read-only fresh memory read nonzero");
	segv_on(ro + 3 * page + 5, 1, SEGV_ACCERR, "write to read-only memory");
	segv_on(ro + 7 * page, 1, SEGV_ACCERR, "first access a write to read-only memory");
	segv_on(none + 2 * page + 9, 0, SEGV_ACCERR, "read of PROT_NONE memory");
	munmap(gone, PAGES * page);
	segv_on(gone + page + 1, 0, SEGV_MAPERR, "read of unmapped memory");
	segv_on(gone + 4 * page, 1, SEGV_MAPERR, "write to unmapped memory");
	munmap(ro, PAGES * page);
	munmap(none, PAGES * page);
}

static int temp_file(char fill)
{
	char path[] = "/tmp/hn-faults-XXXXXX";
	char *buf = malloc(PAGES * page);
	int fd = mkstemp(path);

	if (fd < 0 || !buf) {
		printf("faults: temp file: %s\n", strerror(errno));
		exit(2);
	}
	unlink(path);
	memset(buf, fill, PAGES * page);
	if (pwrite(fd, buf, PAGES * page, 0) != PAGES * page) {
		printf("faults: temp file write: %s\n", strerror(errno));
		exit(2);
	}
	free(buf);
	return fd;
}

static void file_mappings(void)
{
	int fd = temp_file('A');
	char *priv = map(PROT_READ | PROT_WRITE, MAP_PRIVATE, fd);
	char *shared;
	char c;

	if (priv[5 * page] != 'A')
		fail("private file mapping does not show the file");
	if (pwrite(fd, "B", 1, 5 * page) != 1)
		fail("pwrite to the mapped file failed");
	if (priv[5 * page] != 'B')
		fail("private file mapping, only read, stopped showing the file");
	priv[5 * page] = 'C';
	if (pread(fd, &c, 1, 5 * page) != 1 || c != 'B')
		fail("a write to a private file mapping reached the file");
	munmap(priv, PAGES * page);

	shared = map(PROT_READ | PROT_WRITE, MAP_SHARED, fd);
	shared[9 * page + 1] = 'D';
	if (msync(shared, PAGES * page, MS_SYNC) < 0 ||
	    pread(fd, &c, 1, 9 * page + 1) != 1 || c != 'D')
		fail("a write to a shared file mapping did not reach the file");
	munmap(shared, PAGES * page);
	close(fd);
}

static void fork_copies(void)
{
	char *p = map(PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	int st;
	pid_t pid;

	p[0] = 'P';
	pid = fork();
	if (pid < 0)
		return fail("fork failed");
	if (pid == 0) {
		int bad = p[0] != 'P' || p[2 * page] != 0;

		p[0] = 'c';
		p[2 * page] = 'c';
		_exit(bad || p[0] != 'c');
	}
	p[2 * page] = 'p';
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail("the fork child did not see the parent's pages as they were");
	if (p[0] != 'P' || p[2 * page] != 'p')
		fail("the fork child's writes reached the parent");
	munmap(p, PAGES * page);
}

/* Each frame touches a page below the last: the stack vma grows down. */
static int deep(int n)
{
	volatile char frame[4096];

	frame[0] = (char)n;
	frame[sizeof(frame) - 1] = (char)n;
	if (n == 0)
		return frame[0];
	return deep(n - 1) + frame[sizeof(frame) - 1] - (char)n;
}

int main(void)
{
	struct sigaction sa;

	page = sysconf(_SC_PAGESIZE);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSEGV, &sa, NULL) < 0) {
		printf("faults: sigaction: %s\n", strerror(errno));
		return 2;
	}
	fresh_anonymous();
	bad_accesses();
	file_mappings();
	fork_copies();
	if (deep(1024) != 0)
		fail("a deep stack lost a frame's bytes");
	if (failed)
		return 1;
	printf("faults: ok\n");
	return 0;
}
