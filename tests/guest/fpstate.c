// SPDX-License-Identifier: GPL-2.0
/* Runs in the guest: checks that its vector registers survive the kernel.
 *
 * Several processes of several threads each hold a distinct pattern in
 * ymm0-15 (zmm0-31 when the CPU has AVX-512F) across a system call, a
 * yield to another thread of the same process, a spin long enough to be
 * preempted, a first-touch page fault, a signal whose handler loads other
 * values and makes its own system call, and a fork (the child checks its
 * copy). Every register is compared byte for byte after each event.
 *
 * Usage: fpstate [-p PROCS] [-t THREADS] [-n ROUNDS]
 * Prints what it checked and "fpstate: ok" or each mismatch; exits 0 only
 * when every check held. Built static on the host: the guest has no
 * compiler.
 */
#include <cpuid.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NREGS 32
#define REG_BYTES 64

struct fp_regs {
	unsigned char r[NREGS][REG_BYTES];
} __attribute__((aligned(64)));

/* The layout fpstate_regs.S reads. */
struct fp_call {
	long nr;		/* system call, or -1 for none */
	long a1, a2, a3;
	long spin;		/* busy iterations with the registers held */
	volatile char *touch;	/* a byte to write, or NULL */
};

long fp_ymm_call(const struct fp_regs *in, struct fp_regs *out, const struct fp_call *c);
long fp_zmm_call(const struct fp_regs *in, struct fp_regs *out, const struct fp_call *c);

/* Long enough that the timer preempts some of the windows. */
#define SPIN 200000
#define HANDLER_MAGIC 0xa5

/* What one check covers: the vector width and how many registers. */
struct width {
	long (*call)(const struct fp_regs *, struct fp_regs *, const struct fp_call *);
	int nregs;
	int bytes;
	const char *name;
};

static const struct width ymm = { fp_ymm_call, 16, 32, "ymm" };
static const struct width zmm = { fp_zmm_call, 32, 64, "zmm" };

static struct width wide;	/* zmm when the CPU has it, else ymm */
static int rounds = 200;
/*
 * Per thread: the signal goes to the thread that sent it, and a flag
 * shared by the process would let another thread's signal round clear it
 * between this thread's handler and its check.
 */
static __thread volatile sig_atomic_t handler_failed;
static __thread volatile sig_atomic_t handler_ran;

/* XCR0: which register states the host kernel enabled for user mode. */
static uint64_t xcr0(void)
{
	uint32_t lo, hi;

	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (uint64_t)hi << 32 | lo;
}

/* 0 when AVX is usable; sets wide to zmm when AVX-512F is too. */
static int probe_cpu(void)
{
	unsigned int a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX) ||
	    (xcr0() & 0x6) != 0x6)
		return -1;
	wide = ymm;
	/* AVX-512F, and the opmask, ZMM_Hi256 and Hi16_ZMM states enabled. */
	if (__get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_AVX512F) &&
	    (xcr0() & 0xe0) == 0xe0)
		wide = zmm;
	return 0;
}

/* A pattern unique to (seed, round, register, byte), never all zero. */
static void fill(struct fp_regs *p, unsigned int seed, unsigned int round)
{
	uint32_t x = seed * 2654435761u ^ round * 40503u ^ 0x9e3779b9u;
	int i, j;

	for (i = 0; i < NREGS; i++)
		for (j = 0; j < REG_BYTES; j++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			p->r[i][j] = (unsigned char)(x | 1);
		}
}

static int same(const struct width *w, const struct fp_regs *a, const struct fp_regs *b)
{
	int i;

	for (i = 0; i < w->nregs; i++)
		if (memcmp(a->r[i], b->r[i], w->bytes) != 0)
			return 0;
	return 1;
}

/* Reports each register that differs; returns how many did. */
static int compare(const struct width *w, const struct fp_regs *want, const struct fp_regs *got,
		   const char *who, const char *event)
{
	int i, bad = 0;

	for (i = 0; i < w->nregs; i++) {
		if (memcmp(want->r[i], got->r[i], w->bytes) == 0)
			continue;
		fprintf(stderr, "fpstate: %s: %s%d changed across %s\n", who, w->name, i, event);
		bad++;
	}
	return bad;
}

/*
 * The handler loads its own pattern and keeps it across a system call;
 * the interrupted code's registers must be back after it returns. Only
 * ymm: UML's signal frame holds the XSAVE area up to the AVX state.
 */
static void on_signal(int sig)
{
	struct fp_regs in, out;
	struct fp_call c = { .nr = SYS_getppid };

	(void)sig;
	memset(&in, HANDLER_MAGIC, sizeof(in));
	fp_ymm_call(&in, &out, &c);
	if (!same(&ymm, &in, &out))
		handler_failed = 1;
	handler_ran = 1;
}

/* The fork child: its registers are the parent's at the fork. */
static int fork_round(const struct width *w, const struct fp_regs *in, struct fp_regs *out,
		      const char *who)
{
	struct fp_call c = { .nr = SYS_fork };
	int status;
	long pid;

	pid = w->call(in, out, &c);
	/* The child of a threaded process: no stdio, whose locks may be held. */
	if (pid == 0)
		_exit(same(w, in, out) ? 0 : 1);
	if (pid < 0) {
		fprintf(stderr, "fpstate: %s: fork: %s\n", who, strerror((int)-pid));
		return 1;
	}
	if (waitpid((pid_t)pid, &status, 0) != (pid_t)pid) {
		fprintf(stderr, "fpstate: %s: waitpid: %s\n", who, strerror(errno));
		return 1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "fpstate: %s: the fork child's registers differed (status %#x)\n",
			who, status);
		return 1 + compare(w, in, out, who, "fork");
	}
	return compare(w, in, out, who, "fork");
}

/* A signal to this thread, taken on the way out of tgkill. */
static int signal_round(const struct fp_regs *in, struct fp_regs *out, const char *who)
{
	struct fp_call c = { .nr = SYS_tgkill, .a1 = getpid(), .a2 = syscall(SYS_gettid),
			     .a3 = SIGUSR1 };
	int bad;

	handler_ran = 0;
	handler_failed = 0;
	fp_ymm_call(in, out, &c);
	bad = compare(&ymm, in, out, who, "a signal handler");
	if (!handler_ran) {
		fprintf(stderr, "fpstate: %s: the signal handler did not run\n", who);
		bad++;
	}
	if (handler_failed) {
		fprintf(stderr, "fpstate: %s: the handler's own ymm changed across getppid\n", who);
		bad++;
	}
	return bad;
}

/* One round of event kind k, with registers loaded from in. */
static int one_round(int k, const struct fp_regs *in, volatile char *page, const char *who)
{
	struct fp_regs out;
	struct fp_call c = { .nr = -1 };

	switch (k) {
	case 0:
		c.nr = SYS_getppid;
		wide.call(in, &out, &c);
		return compare(&wide, in, &out, who, "getppid");
	case 1:
		c.nr = SYS_sched_yield;
		c.spin = SPIN;
		wide.call(in, &out, &c);
		return compare(&wide, in, &out, who, "sched_yield and a spin");
	case 2:
		c.touch = page;
		wide.call(in, &out, &c);
		return compare(&wide, in, &out, who, "a first-touch page fault");
	case 3:
		return signal_round(in, &out, who);
	default:
		return fork_round(&wide, in, &out, who);
	}
}

#define KINDS 5
/* A broken kernel fails every round: enough lines to show the pattern. */
#define MAX_REPORTED 10

struct worker {
	pthread_t tid;
	unsigned int seed;
	int bad;
	long checks;
};

static void *worker_thread(void *arg)
{
	struct worker *w = arg;
	long pagesz = sysconf(_SC_PAGESIZE);
	struct fp_regs in;
	char who[32];
	char *pages;
	int i;

	snprintf(who, sizeof(who), "worker %u", w->seed);
	pages = mmap(NULL, (size_t)pagesz * rounds, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED) {
		fprintf(stderr, "fpstate: %s: mmap: %s\n", who, strerror(errno));
		w->bad++;
		return NULL;
	}
	for (i = 0; i < rounds && w->bad < MAX_REPORTED; i++) {
		fill(&in, w->seed, (unsigned int)i);
		w->bad += one_round(i % KINDS, &in, pages + (long)i * pagesz, who);
		w->checks++;
	}
	munmap(pages, (size_t)pagesz * rounds);
	return NULL;
}

/* One process: threads sharing one address space; returns mismatches. */
static int run_process(unsigned int first_seed, int nthreads)
{
	struct worker *w;
	int i, err, bad = 0;
	long checks = 0;

	w = calloc((size_t)nthreads, sizeof(*w));
	if (!w) {
		fprintf(stderr, "fpstate: out of memory\n");
		return 1;
	}
	for (i = 0; i < nthreads; i++) {
		w[i].seed = first_seed + (unsigned int)i;
		err = pthread_create(&w[i].tid, NULL, worker_thread, &w[i]);
		if (err) {
			fprintf(stderr, "fpstate: pthread_create: %s\n", strerror(err));
			nthreads = i;
			bad++;
			break;
		}
	}
	for (i = 0; i < nthreads; i++) {
		pthread_join(w[i].tid, NULL);
		bad += w[i].bad;
		checks += w[i].checks;
	}
	free(w);
	if (checks != (long)nthreads * rounds && !bad)
		bad = 1;
	return bad;
}

static int parse_count(const char *s, const char *what)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > 10000) {
		fprintf(stderr, "fpstate: %s %s: not a count from 1 to 10000\n", what, s);
		exit(2);
	}
	return (int)v;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	int procs = 3, threads = 3, opt, i, status, failed = 0;
	pid_t pid;

	while ((opt = getopt(argc, argv, "p:t:n:")) != -1) {
		switch (opt) {
		case 'p': procs = parse_count(optarg, "-p"); break;
		case 't': threads = parse_count(optarg, "-t"); break;
		case 'n': rounds = parse_count(optarg, "-n"); break;
		default:
			fprintf(stderr, "usage: fpstate [-p PROCS] [-t THREADS] [-n ROUNDS]\n");
			return 2;
		}
	}
	if (probe_cpu()) {
		fprintf(stderr, "fpstate: the CPU or kernel offers no AVX; nothing checked\n");
		return 1;
	}
	if (sigaction(SIGUSR1, &sa, NULL)) {
		perror("fpstate: sigaction");
		return 1;
	}
	printf("fpstate: %d processes x %d threads x %d rounds; registers: %s0-%d\n", procs,
	       threads, rounds, wide.name, wide.nregs - 1);
	fflush(stdout);
	for (i = 0; i < procs; i++) {
		pid = fork();
		if (pid < 0) {
			perror("fpstate: fork");
			return 1;
		}
		if (pid == 0)
			_exit(run_process((unsigned int)(i * threads + 1), threads) ? 1 : 0);
	}
	for (i = 0; i < procs; i++) {
		if (wait(&status) < 0) {
			perror("fpstate: wait");
			return 1;
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed++;
	}
	if (failed) {
		printf("fpstate: FAIL: %d of %d processes saw changed registers\n", failed, procs);
		return 1;
	}
	printf("fpstate: ok\n");
	return 0;
}
