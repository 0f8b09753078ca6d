/* SPDX-License-Identifier: GPL-2.0 */
/* honeynet.conf: the honeywall's Data Control and its honeypots, parsed and checked. */
#ifndef HONEYNET_CONF_H
#define HONEYNET_CONF_H

#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
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

/* NAT mode: the honeywall's address on every tap, each honeypot's default route. */
#define HN_GATEWAY_NAT_DEFAULT "10.0.0.1"
/* The honeypots' netmask length: a /8 to a /30 (the smallest with room
 * for a gateway and a honeypot). */
#define HN_PREFIX_DEFAULT 24
#define HN_PREFIX_MIN 8
#define HN_PREFIX_MAX 30
/* keep_days' bound: a hundred years; 0 keeps every run. */
#define HN_KEEP_DAYS_MAX 36500
/* A host name is one RFC 1123 label. */
#define HN_HOSTNAME_MAX 63

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
	HN_KEY_REVERT, HN_KEY_JAIL_UID, HN_KEY_BUDGET, HN_KEY_NFLOG_GROUP,
	HN_KEY_UNLOGGED_GROUP, HN_KEY_KEEP_DAYS, HN_KEY_KEEP_SIZE,
	HN_KEY_HOSTNAME, HN_NKEYS
};

/* One [honeypot NAME] section. The config's dc.honeypot[] entry of the
 * same index holds its addresses and NFLOG groups (nflog_group,
 * unlogged_group: hostd --nflog), and copies of its tap and limits: what
 * the ruleset renders for it. */
struct hn_honeypot {
	char name[HN_NAME_MAX + 1];
	char hostname[HN_HOSTNAME_MAX + 1]; /* the guest's; default its name */
	char tap[IF_NAMESIZE];
	char root_fs[CONF_LINE_MAX];	/* the pristine image, never written */
	char persona[CONF_LINE_MAX];	/* the /proc persona directory */
	unsigned int mem_mb;
	int cpu;			/* a host CPU, HN_CPU_UNSET or HN_CPU_ANY */
	unsigned int limit[DC_NPROTO];	/* per dc.scale; the global ones unless set */
	enum hn_revert revert;
	unsigned int jail_uid;		/* also its gid */
	uint64_t budget;		/* bytes a run directory may hold; 0: budget_policy's default */
	unsigned int keep_days;		/* runs older are pruned; 0: kept; the global unless set */
	uint64_t keep_size;		/* oldest runs pruned above it; 0: no cap; the global unless set */
	unsigned int line;		/* its [honeypot NAME] line */
	unsigned int key_line[HN_NKEYS]; /* where each setting was; 0: defaulted */
};

struct honeynet_conf {
	char file[PATH_MAX];		/* the path it was read from, for messages */
	/* Data Control, whole: what dc_ruleset_render takes. The global
	 * part as honeywall.conf gives it, but inside_if is empty, as each
	 * honeypot has its own tap (dc.honeypot[i].inside_if). */
	struct dc_config dc;
	char archive[CONF_LINE_MAX];	/* archive/NAME/ holds a honeypot's runs */
	uint64_t budget;		/* the honeypots' default; 0: budget_policy's */
	/* NAT: the honeywall's address on every tap; bridge: the outside
	 * router. Either way each honeypot's default route, on its link. */
	struct in_addr gateway;
	unsigned int prefix;		/* the honeypots' netmask length */
	unsigned int keep_days;		/* the honeypots' default */
	uint64_t keep_size;		/* the honeypots' default */
	char kernel[CONF_LINE_MAX];	/* the guest kernel; empty: the one beside honeynet */
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
 * outside_if exists; kernel, if given, is an executable regular file; each root_fs is a regular file and each persona a
 * directory; each pinned CPU is one this process may run on; no account
 * or group has a jail uid. -1 with a message as honeynet_conf_parse's.
 */
int honeynet_conf_check_host(const struct honeynet_conf *conf, char *err,
			     size_t errlen);

/* Reads path (at most CONF_FILE_MAX bytes), parses it and checks it on the host. */
int honeynet_conf_load(struct honeynet_conf *conf, const char *path,
		       char *err, size_t errlen);

const char *hn_revert_name(enum hn_revert revert);

/* The index of honeypot name in conf (as in conf->honeypot[] and
 * conf->dc.honeypot[]), or -1 if it has none of that name. */
int hn_honeypot_index(const struct honeynet_conf *conf, const char *name);

#endif
