/* SPDX-License-Identifier: GPL-2.0 */
/* A guest: its kernel run by hostd in the honeywall's namespace, watched, halted cleanly. */
#ifndef GUEST_START_H
#define GUEST_START_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <net/if.h>
#include <sys/types.h>

/* The run's persona, made at the start, beside the archive it masks. */
#define GUEST_PERSONA_DIR "persona"

/* How soon hostd syncs new tty bytes into the session file (ms): a
 * keystroke is in the archive within this, the target being 100 ms. */
#define GUEST_TTY_FLUSH_MS "50"

/* The user hostd drops to once its files are open. */
#define GUEST_HOSTD_USER "nobody"

/* Seconds a clean poweroff may take before the guest is halted, then killed. */
#define GUEST_HALT_GRACE 30
#define GUEST_KILL_GRACE 5

/* Lines of the console log shown when the guest does not come up. */
#define GUEST_CONSOLE_TAIL 60

/* What an operator needs to see when a guest did not come up: the tails
 * of hostd.log and console.log, on stderr. */
void guest_show_record(const char *run_dir);

/* One guest run, as the lab and deployed honeypots both describe it. */
struct guest_spec {
	const char *hostd;	/* hostd's executable */
	const char *kernel;	/* the guest kernel */
	const char *rootfs;	/* the image disk.cow is over; never written */
	const char *run_dir;	/* this run's archive directory */
	const char *disk_dir;	/* holds disk.cow: RUN/disk, or a honeypot's kept one */
	const char *netns;	/* the namespace hostd runs in; NULL: the caller's */
	const char *tap;	/* the guest's eth0 on the host, owned by jail_uid */
	const char *umid;	/* names the mconsole's directory under RUN/uml */
	const char *ip;		/* the kernel's "ip=..." argument; NULL: the root_fs's own network */
	const char *nflog;	/* hostd --nflog GROUP,UNLOGGED */
	const char *limits;	/* hostd --limits; NULL: hostd's defaults */
	const char *jail_uid;	/* the kernel's uid and gid */
	const char *cpu;	/* hostd --cpu; "": hostd's default */
	unsigned int mem_mb;
	uint64_t budget;	/* bytes; worked out before the start (run_space_check) */
	int jail;		/* 0: hostd --jail off (benchmarks) */
	int tty_log;		/* 0: the kernel's tty log off (benchmarks) */
	int masquerade;		/* 0: hppfs=off (benchmarks) */
};

/* Starts hostd (in spec->netns), which starts the guest kernel and records
 * the run into spec->run_dir; hostd's pid is written to *pid. */
int guest_start(const struct guest_spec *spec, pid_t *pid);

/* Whether pid is still the hostd started from exe (not a reused pid). */
int guest_alive(pid_t pid, const char *exe);

/* Asks the guest to power off through the mconsole (ctrl-alt-del, which
 * the root_fs maps to poweroff) and returns at once: 0, or -1 when the
 * mconsole did not take it (a paused guest cannot answer). */
int guest_ask_poweroff(const struct guest_spec *spec);

/* guest_ask_poweroff, then waits GUEST_HALT_GRACE for hostd to finish the
 * archive; then asks hostd to stop (it kills the guest), then kills hostd. */
int guest_stop(pid_t pid, const char *exe, const struct guest_spec *spec);

/* Makes the run's uml/, and disk_dir when it is missing, which hostd binds
 * into the jail writable (jail 0: --jail off, where the kernel reaches them
 * by their host paths). */
int guest_dirs(const struct guest_spec *spec);

/* The guest's mconsole socket within a run directory. */
int guest_mconsole_path(const char *run_dir, const char *umid, char *buf,
			size_t len);

/* The guest's console log within a run directory (hostd writes it). */
int guest_console_path(const char *run_dir, char *buf, size_t len);

/* The persona the guest's /proc is masked with, within a run directory. */
int guest_persona_path(const char *run_dir, char *buf, size_t len);

/* hostd's command line, the kernel's after "--"; argv points into the
 * buffers beside it. */
struct guest_cmdline {
	char ubd[2 * PATH_MAX + 16];
	char mem[32];
	char eth0[IF_NAMESIZE + 16];
	char umid[96];
	char hppfs[PATH_MAX + 16];
	char uml_dir[PATH_MAX + 16];
	char bind_rootfs[PATH_MAX + 16];	/* hostd --jail-ro/--jail-rw HOST=JAIL */
	char bind_persona[PATH_MAX + 16];
	char bind_disk[PATH_MAX + 16];
	char bind_uml[PATH_MAX + 16];
	char budget[24];
	const char *argv[52];
};

/* Fills cl for spec; -1 if a path does not fit. */
int guest_cmdline(struct guest_cmdline *cl, const struct guest_spec *spec);

#endif
