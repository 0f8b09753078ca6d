/* SPDX-License-Identifier: GPL-2.0 */
/* honeynet.conf: the honeywall's Data Control and its honeypots, parsed and checked. */
#ifndef HONEYNET_CONF_H
#define HONEYNET_CONF_H

#include <limits.h>
#include <net/if.h>
#include <stddef.h>
#include <stdint.h>

#include "conf_parse.h"
#include "dc_config.h"

#define HN_CONF_PATH "/etc/honeynet/honeynet.conf"
/* Each honeypot's lasting state (host keys, identity) is HN_STATE_DIR/NAME. */
#define HN_STATE_DIR "/var/lib/honeynet"
#define HN_ARCHIVE_DEFAULT HN_STATE_DIR "/archive"

/* A honeypot's name becomes a directory name and part of its tap's. */
#define HN_NAME_MAX 32
/* The tap's default name is this prefix and the honeypot's name. */
#define HN_TAP_PREFIX "hn-"

/* The default jail uid (and gid) of the honeypot at index i is this plus
 * i: the lab's LAB_JAIL_UID first, all in Debian's 60000-64999, which
 * adduser does not hand out (the host check refuses one an account has). */
#define HN_JAIL_UID_BASE 64200
/* jail_uid's bounds: never root, and a positive signed int, as every tool
 * that prints or parses a uid reads it. */
#define HN_JAIL_UID_MIN 1
#define HN_JAIL_UID_MAX 2147483646

/* cpu: not given (honeynet up chooses one), or any (not pinned). */
#define HN_CPU_UNSET (-1)
#define HN_CPU_ANY (-2)

enum hn_revert {
	HN_REVERT_EVERY_START,	/* a fresh COW over the pristine root_fs each start */
	HN_REVERT_NEVER,	/* the COW kept across restarts */
};

/* A honeypot's settings, by their place in its key_line[]. */
enum hn_key {
	HN_KEY_PUBLIC, HN_KEY_INTERNAL, HN_KEY_TAP, HN_KEY_ROOT_FS,
	HN_KEY_PERSONA, HN_KEY_MEM, HN_KEY_CPU, HN_KEY_LIMIT_TCP,
	HN_KEY_LIMIT_UDP, HN_KEY_LIMIT_ICMP, HN_KEY_LIMIT_OTHER,
	HN_KEY_REVERT, HN_KEY_JAIL_UID, HN_KEY_BUDGET, HN_NKEYS
};

/* One [honeypot NAME] section; its addresses are the config's
 * dc.honeypot[] entry of the same index. */
struct hn_honeypot {
	char name[HN_NAME_MAX + 1];
	char tap[IF_NAMESIZE];
	char root_fs[CONF_LINE_MAX];	/* the pristine image, never written */
	char persona[CONF_LINE_MAX];	/* the /proc persona directory */
	unsigned int mem_mb;
	int cpu;			/* a host CPU, HN_CPU_UNSET or HN_CPU_ANY */
	unsigned int limit[DC_NPROTO];	/* per dc.scale; the global ones unless set */
	enum hn_revert revert;
	unsigned int jail_uid;		/* also its gid */
	uint64_t budget;		/* bytes a run directory may hold; 0: budget_policy's default */
	unsigned int line;		/* its [honeypot NAME] line */
	unsigned int key_line[HN_NKEYS]; /* where each setting was; 0: defaulted */
};

struct honeynet_conf {
	char file[PATH_MAX];		/* the path it was read from, for messages */
	/* Data Control, as honeywall.conf gives it; inside_if is empty, as
	 * each honeypot names its own tap. */
	struct dc_config dc;
	char archive[CONF_LINE_MAX];	/* archive/NAME/ holds a honeypot's runs */
	uint64_t budget;		/* the honeypots' default; 0: budget_policy's */
	struct hn_honeypot honeypot[DC_MAX_HONEYPOTS];
	size_t n_honeypots;		/* equals dc.n_honeypots */
};

/*
 * Parses text, read from file (named in messages), as a honeynet.conf and
 * checks it as a whole, without looking at the host. -1 with
 * "FILE:LINE: [honeypot NAME: ]SETTING ...: why" in err if refused.
 */
int honeynet_conf_parse(struct honeynet_conf *conf, const char *file,
			const char *text, char *err, size_t errlen);

/*
 * What parsing cannot see, checked on this host without changing it:
 * outside_if exists; each root_fs is a regular file and each persona a
 * directory; each pinned CPU is one this process may run on; no account
 * or group has a jail uid. -1 with a message as honeynet_conf_parse's.
 */
int honeynet_conf_check_host(const struct honeynet_conf *conf, char *err,
			     size_t errlen);

/* Reads path (at most CONF_FILE_MAX bytes), parses it and checks it on the host. */
int honeynet_conf_load(struct honeynet_conf *conf, const char *path,
		       char *err, size_t errlen);

const char *hn_revert_name(enum hn_revert revert);

#endif
