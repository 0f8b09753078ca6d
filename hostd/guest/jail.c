// SPDX-License-Identifier: GPL-2.0
/* The guest kernel's jail: its own uid, namespaces, a pivot_root'ed directory, no capabilities, seccomp, a cgroup. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpu_pin.h"
#include "hostd.h"
#include "jail.h"
#include "jail_libs.h"
#include "jail_seccomp.h"
#include "report.h"
#include "write_all.h"

/*
 * The jail's root, a small tmpfs mounted in the child's own mount namespace
 * (so the host sees only an empty directory here), read-only once filled.
 */
#define JAIL_MNT HOSTD_RUN_DIR "/jail"
#define JAIL_ROOT_OPTS "size=1m,nr_inodes=64,mode=0755"
/* The kernel's host-side view of its hostname: nothing of the host's. */
#define JAIL_HOSTNAME "honeypot"

int jail_add_bind(struct jail *j, const char *spec, int rw, char *why, size_t len)
{
	const char *eq = strchr(spec, '=');
	struct jail_bind *b;
	size_t sl;

	if (j->nbinds == JAIL_MAX_BINDS) {
		snprintf(why, len, "%s: more than %d binds", spec, JAIL_MAX_BINDS);
		return -1;
	}
	b = &j->binds[j->nbinds];
	sl = eq ? (size_t)(eq - spec) : 0;
	if (!eq || sl == 0 || sl >= sizeof(b->src) || eq[1] != '/' || !eq[2] ||
	    strlen(eq + 1) >= sizeof(b->dst) || strstr(eq + 1, "..") ||
	    strcmp(eq + 1, JAIL_KERNEL) == 0) {
		snprintf(why, len, "%s: expected HOSTPATH=/JAILPATH (not / or " JAIL_KERNEL ")",
			 spec);
		return -1;
	}
	memcpy(b->src, spec, sl);
	b->src[sl] = '\0';
	strcpy(b->dst, eq + 1);
	b->rw = rw;
	j->nbinds++;
	return 0;
}

/* A uid with a named account belongs to someone else: its files would be the kernel's. */
static int uid_is_free(const struct jail *j)
{
	struct passwd *pw;
	struct group *gr;

	if (j->uid == 0 || j->gid == 0) {
		report("jail: uid/gid 0 is root; guest not started");
		return -1;
	}
	errno = 0;
	pw = getpwuid(j->uid);
	gr = getgrgid(j->gid);
	if (pw || gr) {
		report("jail: uid %lu / gid %lu belongs to %s %s; choose a free one with --jail-uid; guest not started",
		       (unsigned long)j->uid, (unsigned long)j->gid, pw ? "user" : "group",
		       pw ? pw->pw_name : gr->gr_name);
		return -1;
	}
	return 0;
}

int jail_prepare(struct jail *j, const char *kernel, const char *name)
{
	int i;

	if (uid_is_free(j) < 0)
		return -1;
	/*
	 * The kernel writes its COW and umid socket there through the jail's
	 * group; root keeps the directory, so the jail cannot chmod it shut,
	 * and hostd, unprivileged later, can still measure what it holds (the
	 * archive budget). Nobody else reaches it: the run directory is 0750.
	 */
	for (i = 0; i < j->nbinds; i++) {
		if (j->binds[i].rw && (chown(j->binds[i].src, 0, j->gid) < 0 ||
				       chmod(j->binds[i].src, 02775) < 0)) {
			report("jail: chown/chmod %s: %s; guest not started", j->binds[i].src,
			       strerror(errno));
			return -1;
		}
	}
	if (mkdir(HOSTD_RUN_DIR, 0700) < 0 && errno != EEXIST) {
		report("jail: mkdir " HOSTD_RUN_DIR ": %s; guest not started", strerror(errno));
		return -1;
	}
	if (mkdir(JAIL_MNT, 0700) < 0 && errno != EEXIST) {
		report("jail: mkdir " JAIL_MNT ": %s; guest not started", strerror(errno));
		return -1;
	}
	if (!j->on)
		return 0;
	if (jail_add_libs(j, kernel) < 0)
		return -1;
	return cgroup_create(&j->cg, "/sys/fs/cgroup", name, &j->lim);
}

pid_t jail_clone(const struct jail *j)
{
	if (!j->on)
		return fork();
	return (pid_t)syscall(SYS_clone, CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC |
			      CLONE_NEWUTS | SIGCHLD, NULL, NULL, NULL, 0);
}

static int write_proc(pid_t pid, const char *file, const char *text)
{
	char path[64];
	size_t done;
	int fd, r;

	snprintf(path, sizeof(path), "/proc/%ld/%s", (long)pid, file);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	r = write_all(fd, text, strlen(text), &done);
	if (close(fd) < 0)
		r = -1;
	return r;
}

int jail_map_ids(const struct jail *j, pid_t child)
{
	char map[64];

	/* setgroups stays denied: the child cannot regain a group it dropped. */
	if (write_proc(child, "setgroups", "deny") < 0)
		goto out_fail;
	snprintf(map, sizeof(map), "%lu %lu 1\n", (unsigned long)j->gid, (unsigned long)j->gid);
	if (write_proc(child, "gid_map", map) < 0)
		goto out_fail;
	snprintf(map, sizeof(map), "%lu %lu 1\n", (unsigned long)j->uid, (unsigned long)j->uid);
	if (write_proc(child, "uid_map", map) < 0)
		goto out_fail;
	return 0;
out_fail:
	report("jail: user namespace id maps of %ld: %s; guest not started", (long)child,
	       strerror(errno));
	return -1;
}

/* ---- the child's side: every step names itself if it fails ---- */

static int err_fd_child = -1;

static void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...)
{
	struct jail_err e;
	size_t done;
	va_list ap;

	memset(&e, 0, sizeof(e));
	e.err = errno;
	va_start(ap, fmt);
	vsnprintf(e.what, sizeof(e.what), fmt, ap);
	va_end(ap);
	write_all(err_fd_child, &e, sizeof(e), &done);
	_exit(126);
}

static void set_limits(const struct jail *j)
{
	struct rlimit none = { 0, 0 }, fsize = { j->fsize, j->fsize };

	if (setrlimit(RLIMIT_CORE, &none) < 0)
		die("setrlimit RLIMIT_CORE 0");
	if (setrlimit(RLIMIT_FSIZE, &fsize) < 0)
		die("setrlimit RLIMIT_FSIZE %llu", (unsigned long long)j->fsize);
}

/* mkdir -p of PATH's parents inside the jail (PATH is absolute, under JAIL_MNT). */
static void make_parents(const char *path)
{
	char p[512];
	char *s;

	snprintf(p, sizeof(p), "%s", path);
	for (s = p + strlen(JAIL_MNT) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		if (mkdir(p, 0755) < 0 && errno != EEXIST)
			die("mkdir %s", p);
		*s = '/';
	}
}

/* An empty file or directory to bind onto, as the source is one or the other. */
static void make_target(const char *src, const char *dst)
{
	struct stat st;
	int fd;

	if (stat(src, &st) < 0)
		die("stat %s", src);
	make_parents(dst);
	if (S_ISDIR(st.st_mode)) {
		if (mkdir(dst, 0755) < 0 && errno != EEXIST)
			die("mkdir %s", dst);
		return;
	}
	fd = open(dst, O_WRONLY | O_CREAT | O_CLOEXEC, 0444);
	if (fd < 0)
		die("create %s", dst);
	close(fd);
}

static void bind(const char *src, const char *dst_in_jail, unsigned long flags)
{
	char dst[512];

	snprintf(dst, sizeof(dst), JAIL_MNT "%s", dst_in_jail);
	make_target(src, dst);
	if (mount(src, dst, NULL, MS_BIND, NULL) < 0)
		die("bind %s on %s", src, dst_in_jail);
	/* A bind takes its flags only on a remount. */
	if (mount(NULL, dst, NULL, MS_REMOUNT | MS_BIND | flags, NULL) < 0)
		die("remount %s", dst_in_jail);
}

/* The host's cpuinfo, copied: UML reads its CPU's flags there; the rest of /proc stays out. */
static void copy_cpuinfo(void)
{
	char buf[65536];
	size_t done;
	ssize_t n;
	int in, out;

	if (mkdir(JAIL_MNT "/proc", 0755) < 0)
		die("mkdir /proc");
	in = open("/proc/cpuinfo", O_RDONLY | O_CLOEXEC);
	if (in < 0)
		die("open host /proc/cpuinfo");
	out = open(JAIL_MNT "/proc/cpuinfo", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);
	if (out < 0)
		die("create /proc/cpuinfo");
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write_all(out, buf, (size_t)n, &done) < 0)
			die("write /proc/cpuinfo");
	if (n < 0)
		die("read host /proc/cpuinfo");
	close(in);
	close(out);
}

/*
 * Three device nodes, made here as Firecracker's jailer does rather than
 * bound from the host's /dev: /dev/net/tun (tap0 is opened through it)
 * belongs to the jail's uid alone, whatever mode the host gives its own;
 * /dev/null and /dev/urandom for the kernel's helpers and entropy. The jail
 * cannot make more: it has no CAP_MKNOD, and its root is read-only.
 */
static void make_devs(const struct jail *j)
{
	static const struct { const char *path; unsigned int maj, min; mode_t mode; int own; } devs[] = {
		{ "/dev/null", 1, 3, 0666, 0 },
		{ "/dev/urandom", 1, 9, 0666, 0 },
		{ "/dev/net/tun", 10, 200, 0600, 1 },
	};
	char path[128];
	size_t i;

	for (i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
		snprintf(path, sizeof(path), JAIL_MNT "%s", devs[i].path);
		make_parents(path);
		if (mknod(path, S_IFCHR | devs[i].mode, makedev(devs[i].maj, devs[i].min)) < 0)
			die("mknod %s", devs[i].path);
		/* mknod's mode passes through the umask. */
		if (chmod(path, devs[i].mode) < 0)
			die("chmod %s", devs[i].path);
		if (devs[i].own && chown(path, j->uid, j->gid) < 0)
			die("chown %s", devs[i].path);
	}
}

/*
 * --jail off: the kernel keeps the host's view, but its own /dev/net/tun
 * (a host may make the real one root's alone), bound over the host's in a
 * mount namespace of its own, from a node in a small tmpfs.
 */
static void own_tun(const struct jail *j)
{
	if (access("/dev/net/tun", F_OK) < 0)
		return;	/* no tun here: nothing to stand over */
	if (unshare(CLONE_NEWNS) < 0)
		die("unshare mount namespace");
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		die("make / private");
	if (mount("jail", JAIL_MNT, "tmpfs", MS_NOSUID | MS_NOEXEC, JAIL_ROOT_OPTS) < 0)
		die("mount tmpfs on " JAIL_MNT);
	make_devs(j);
	if (mount(JAIL_MNT "/dev/net/tun", "/dev/net/tun", NULL, MS_BIND, NULL) < 0)
		die("bind the jail's tun node on /dev/net/tun");
}

/*
 * Only what the kernel needs: itself, the binds, three device nodes,
 * cpuinfo, and a size-capped tmpfs at /tmp for its memory file (UML falls
 * back to /tmp when /dev/shm and TMPDIR are absent; exec is allowed there
 * because UML maps that file executable).
 */
static void build_root(const struct jail *j, const char *kernel)
{
	char opts[128];
	int k;

	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		die("make / private");
	/* Not nodev: the three nodes make_devs puts there are the jail's devices. */
	if (mount("jail", JAIL_MNT, "tmpfs", MS_NOSUID | MS_NOEXEC, JAIL_ROOT_OPTS) < 0)
		die("mount tmpfs on " JAIL_MNT);
	bind(kernel, JAIL_KERNEL, MS_RDONLY | MS_NOSUID | MS_NODEV);
	/* Read-only binds may hold the kernel's loader and libc, which must map executable. */
	for (k = 0; k < j->nbinds; k++)
		bind(j->binds[k].src, j->binds[k].dst, MS_NOSUID | MS_NODEV |
		     (j->binds[k].rw ? MS_NOEXEC : MS_RDONLY));
	make_devs(j);
	copy_cpuinfo();
	if (mkdir(JAIL_MNT "/tmp", 0700) < 0)
		die("mkdir /tmp");
	snprintf(opts, sizeof(opts), "size=%llu,mode=0700,uid=%lu,gid=%lu",
		 (unsigned long long)j->tmp_bytes, (unsigned long)j->uid, (unsigned long)j->gid);
	if (mount("jail-tmp", JAIL_MNT "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
		die("mount tmpfs on /tmp (%s)", opts);
	if (mount(NULL, JAIL_MNT, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NOEXEC,
		  JAIL_ROOT_OPTS) < 0)
		die("remount " JAIL_MNT " read-only");
}

/* pivot_root, not chroot: the old root is detached, and unshare(CLONE_NEWUSER) allows it. */
static void enter_root(void)
{
	if (chdir(JAIL_MNT) < 0)
		die("chdir " JAIL_MNT);
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		die("pivot_root " JAIL_MNT);
	if (umount2(".", MNT_DETACH) < 0)
		die("detach the host's root");
	if (chdir("/") < 0)
		die("chdir /");
	if (sethostname(JAIL_HOSTNAME, strlen(JAIL_HOSTNAME)) < 0)
		die("sethostname");
}

/* The new user namespace: hostd writes the maps, we wait for its byte. */
static void enter_userns(const struct jail *j, int wr, int rd)
{
	char b = 0;

	if (setgroups(1, &j->gid) < 0)
		die("setgroups %lu", (unsigned long)j->gid);
	if (unshare(CLONE_NEWUSER) < 0)
		die("unshare user namespace");
	if (write(wr, &b, 1) != 1)
		die("tell hostd the user namespace is made");
	if (read(rd, &b, 1) != 1) {
		errno = EPIPE;
		die("wait for hostd's id maps");
	}
}

/* The bounding and ambient sets empty: before the uid changes, while CAP_SETPCAP still holds. */
static void drop_bounding(void)
{
	int c;

	for (c = 0; prctl(PR_CAPBSET_READ, c, 0, 0, 0) >= 0; c++)
		if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) < 0)
			die("drop capability %d from the bounding set", c);
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
		die("clear ambient capabilities");
}

/* Permitted, effective and inheritable empty (a uid change in a user namespace keeps them). */
static void drop_caps(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	memset(d, 0, sizeof(d));
	if (syscall(SYS_capset, &h, d) < 0)
		die("capset to none");
}

static void become_user(const struct jail *j)
{
	if (!j->on && setgroups(1, &j->gid) < 0)
		die("setgroups %lu", (unsigned long)j->gid);
	drop_bounding();
	if (setresgid(j->gid, j->gid, j->gid) < 0)
		die("setresgid %lu", (unsigned long)j->gid);
	if (setresuid(j->uid, j->uid, j->uid) < 0)
		die("setresuid %lu", (unsigned long)j->uid);
	drop_caps();
	if (prctl(PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L) < 0)
		die("no_new_privs");
	/* A credential change clears the parent-death signal: set it again. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		die("pdeathsig");
}

static char *const empty_env[] = { NULL };

static void __attribute__((noreturn)) exec_kernel(const char *path, char *const *argv)
{
	execve(path, argv, empty_env);
	die("exec %s", path);
}

/*
 * PID 1 of the jail's pid namespace: not the kernel itself, because a
 * namespace's init ignores the signals it has no handler for (a panicking
 * UML kernel would spin on its own SIGABRT). It reaps orphans and, when
 * the kernel exits, exits with its status; the namespace dies with it.
 */
static void __attribute__((noreturn)) init_loop(pid_t kernel)
{
	int st;
	pid_t p;

	if (close_range(0, ~0U, 0) < 0)
		_exit(126);
	for (;;) {
		p = wait(&st);
		if (p < 0 && errno != EINTR)
			_exit(126);
		if (p != kernel)
			continue;
		_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	}
}

void jail_enter(const struct jail *j, char *const *argv, int err_fd,
		int userns_wr, int userns_rd)
{
	static char kernel_path[] = JAIL_KERNEL;
	char **kargv = (char **)argv;
	const char *host_kernel = argv[0];
	pid_t kernel;

	err_fd_child = err_fd;
	/* hostd's umask (027) would close the jail's directories to its uid. */
	umask(022);
	set_limits(j);
	/* Before the kernel exists, so that it and every host process it makes inherit the CPU. */
	if (cpu_pin_self(j->cpu) < 0)
		die("pin the guest to CPU %d", j->cpu);
	if (!j->on) {
		own_tun(j);
		become_user(j);
		exec_kernel(argv[0], argv);
	}
	if (cgroup_join(&j->cg) < 0)
		die("join cgroup %s", j->cg.dir[0]);
	build_root(j, host_kernel);
	/* The kernel's own path in the jail: UML re-executes argv[0] when the
	 * guest reboots. argv is hostd's heap copy (main.c kernel_argv), this
	 * process's own since the fork, and no other thread runs here. */
	kargv[0] = kernel_path;
	enter_root();
	enter_userns(j, userns_wr, userns_rd);
	close(userns_wr);
	close(userns_rd);
	become_user(j);
	if (jail_seccomp_load() < 0)
		die("load the seccomp filter");
	kernel = fork();
	if (kernel < 0)
		die("fork the kernel");
	if (kernel == 0)
		exec_kernel(JAIL_KERNEL, kargv);
	init_loop(kernel);
}
