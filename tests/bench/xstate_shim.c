// SPDX-License-Identifier: GPL-2.0
/* Bench only: lets Debian's stock linux.uml boot on hosts with large XSAVE areas.
 *
 * The stock 6.1 UML kernel sets fp state with a PTRACE_SETREGSET shorter
 * than the host's XSAVE area, which current hosts refuse (our patch 0001
 * fixes this in the kernel). Preloaded into the stock kernel, this does the
 * same as that patch from outside: it widens such transfers to the host's
 * size, so the boot comparison can run at all.
 */
#include <elf.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* Larger than any x86 XSAVE area the host reports (AMX: about 11 KiB). */
static unsigned char host_area[65536];

static long raw_ptrace(long req, pid_t pid, void *addr, void *data)
{
	return syscall(SYS_ptrace, req, pid, addr, data);
}

static long widened(long req, pid_t pid, void *addr, struct iovec *iov)
{
	struct iovec full = { host_area, sizeof(host_area) };
	size_t n;

	if (raw_ptrace(PTRACE_GETREGSET, pid, addr, &full) < 0)
		return -1;
	n = iov->iov_len < full.iov_len ? iov->iov_len : full.iov_len;
	if (req == PTRACE_GETREGSET) {
		memcpy(iov->iov_base, host_area, n);
		iov->iov_len = n;
		return 0;
	}
	memcpy(host_area, iov->iov_base, n);
	return raw_ptrace(PTRACE_SETREGSET, pid, addr, &full);
}

long ptrace(enum __ptrace_request req, ...)
{
	va_list ap;
	pid_t pid;
	void *addr, *data;

	va_start(ap, req);
	pid = va_arg(ap, pid_t);
	addr = va_arg(ap, void *);
	data = va_arg(ap, void *);
	va_end(ap);
	if ((req == PTRACE_GETREGSET || req == PTRACE_SETREGSET) &&
	    (unsigned long)addr == NT_X86_XSTATE)
		return widened(req, pid, addr, data);
	/* glibc's wrapper also returns PEEK* results through errno games. */
	if (req == PTRACE_PEEKTEXT || req == PTRACE_PEEKDATA || req == PTRACE_PEEKUSER) {
		long word;

		if (raw_ptrace(req, pid, addr, &word) < 0)
			return -1;
		return word;
	}
	return raw_ptrace(req, pid, addr, data);
}
