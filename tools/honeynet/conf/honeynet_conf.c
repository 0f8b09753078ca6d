// SPDX-License-Identifier: GPL-2.0
/* honeynet.conf: the honeywall's Data Control and its honeypots, parsed and checked. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "budget_policy.h"
#include "bytesize.h"
#include "honeynet_conf.h"
#include "lab_defs.h"
#include "parse_uint.h"

#define WHITESPACE " \t\r\v\f"

/* honeynet.conf's own global settings, by their place in global_keys[]. */
enum { HN_GLOBAL_ARCHIVE, HN_GLOBAL_BUDGET, HN_NGLOBAL };

/* One parse: the global part is Data Control's, then one section a honeypot. */
struct hn_parse {
	struct dc_parse dc;		/* its c is where messages point */
	struct honeynet_conf *conf;
	struct hn_honeypot *cur;	/* the section being read; NULL before the first */
	char section[HN_NAME_MAX + sizeof("honeypot ")];
	unsigned int global_line[HN_NGLOBAL];
};

static const char *const revert_names[] = { "every-start", "never" };

const char *hn_revert_name(enum hn_revert revert)
{
	return revert_names[revert];
}

static size_t index_of(const struct hn_parse *p)
{
	return (size_t)(p->cur - p->conf->honeypot);
}

/* Paths in a config are read by a service whose working directory is no
 * one's business: only absolute ones mean the same everywhere. */
static int set_path(struct hn_parse *p, const char *key, const char *v, char *dst)
{
	if (v[0] != '/')
		return conf_fail(&p->dc.c, "%s = %.64s: need an absolute path", key, v);
	strcpy(dst, v);
	return 0;
}

static int set_budget_to(struct hn_parse *p, const char *key, const char *v,
			 uint64_t *dst)
{
	if (bytesize_parse(v, BUDGET_MIN, BUDGET_MAX, dst) == 0)
		return 0;
	return conf_fail(&p->dc.c, "%s = %.64s: need bytes, or a number with K, M, G or T "
			 "(powers of 1024), at least 1M", key, v);
}

static int set_archive(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_path(p, key, v, p->conf->archive);
}

static int set_budget(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_budget_to(p, key, v, &p->conf->budget);
}

static const struct conf_key global_keys[HN_NGLOBAL] = {
	[HN_GLOBAL_ARCHIVE] = { "archive", set_archive, 0 },
	[HN_GLOBAL_BUDGET] = { "budget", set_budget, 0 },
};

static int set_public(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return dc_honeypot_addr(&p->dc, key, v,
				&p->conf->dc.honeypot[index_of(p)].public_addr);
}

/* mode is global, so it is known once a section is read. */
static int set_internal(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;
	struct dc_honeypot *h = &p->conf->dc.honeypot[index_of(p)];

	if (p->conf->dc.mode == DC_MODE_BRIDGE)
		return conf_fail(&p->dc.c, "%s = %.64s: bridge mode has no internal address; public is the honeypot's own",
				 key, v);
	if (dc_honeypot_addr(&p->dc, key, v, &h->internal_addr))
		return -1;
	h->has_internal = 1;
	return 0;
}

static int set_tap(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	if (!dc_valid_ifname(v))
		return conf_fail(&p->dc.c, "%s = %.64s: not a valid interface name (1 to %d of A-Z a-z 0-9 . _ -)",
				 key, v, IF_NAMESIZE - 1);
	strcpy(p->cur->tap, v);
	return 0;
}

static int set_root_fs(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_path(p, key, v, p->cur->root_fs);
}

static int set_persona(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_path(p, key, v, p->cur->persona);
}

static int set_mem(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	if (parse_uint(v, LAB_MEM_MIN, LAB_MEM_MAX, &p->cur->mem_mb) == 0)
		return 0;
	return conf_fail(&p->dc.c, "%s = %.64s: need MiB from %d to %d", key, v,
			 LAB_MEM_MIN, LAB_MEM_MAX);
}

static int set_cpu(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;
	unsigned int n;

	if (strcmp(v, "any") == 0) {
		p->cur->cpu = HN_CPU_ANY;
		return 0;
	}
	if (parse_uint(v, 0, LAB_CPU_MAX, &n) == 0) {
		p->cur->cpu = (int)n;
		return 0;
	}
	return conf_fail(&p->dc.c, "%s = %.64s: need a CPU number from 0 to %d, or any",
			 key, v, LAB_CPU_MAX);
}

static int set_limit(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return dc_parse_limit(&p->dc, key, v, p->cur->limit);
}

static int set_revert(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;
	size_t i;

	for (i = 0; i < sizeof(revert_names) / sizeof(revert_names[0]); i++) {
		if (strcmp(v, revert_names[i]) == 0) {
			p->cur->revert = (enum hn_revert)i;
			return 0;
		}
	}
	return conf_fail(&p->dc.c, "%s = %.64s: use every-start or never", key, v);
}

static int set_jail_uid(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	if (parse_uint(v, HN_JAIL_UID_MIN, HN_JAIL_UID_MAX, &p->cur->jail_uid) == 0)
		return 0;
	return conf_fail(&p->dc.c, "%s = %.64s: need a uid from %d to %d", key, v,
			 HN_JAIL_UID_MIN, HN_JAIL_UID_MAX);
}

static int set_hp_budget(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_budget_to(p, key, v, &p->cur->budget);
}

/* Indexed by enum hn_key, as each honeypot's key_line[] is. */
static const struct conf_key honeypot_keys[HN_NKEYS] = {
	[HN_KEY_PUBLIC] = { "public", set_public, 0 },
	[HN_KEY_INTERNAL] = { "internal", set_internal, 0 },
	[HN_KEY_TAP] = { "tap", set_tap, 0 },
	[HN_KEY_ROOT_FS] = { "root_fs", set_root_fs, 0 },
	[HN_KEY_PERSONA] = { "persona", set_persona, 0 },
	[HN_KEY_MEM] = { "mem", set_mem, 0 },
	[HN_KEY_CPU] = { "cpu", set_cpu, 0 },
	[HN_KEY_LIMIT_TCP] = { "limit_tcp", set_limit, 0 },
	[HN_KEY_LIMIT_UDP] = { "limit_udp", set_limit, 0 },
	[HN_KEY_LIMIT_ICMP] = { "limit_icmp", set_limit, 0 },
	[HN_KEY_LIMIT_OTHER] = { "limit_other", set_limit, 0 },
	[HN_KEY_REVERT] = { "revert", set_revert, 0 },
	[HN_KEY_JAIL_UID] = { "jail_uid", set_jail_uid, 0 },
	[HN_KEY_BUDGET] = { "budget", set_hp_budget, 0 },
};

/* The name becomes a directory under HN_STATE_DIR and the archive, and
 * part of the tap's name: no '/', no dot files, no leading '-'. */
static int valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > HN_NAME_MAX || !strchr("abcdefghijklmnopqrstuvwxyz0123456789", s[0]))
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

static const struct hn_honeypot *find_honeypot(const struct honeynet_conf *conf,
					       const char *name)
{
	size_t i;

	for (i = 0; i < conf->n_honeypots; i++) {
		if (strcmp(conf->honeypot[i].name, name) == 0)
			return &conf->honeypot[i];
	}
	return NULL;
}

static void honeypot_defaults(struct hn_honeypot *h, const char *name,
			      unsigned int line)
{
	memset(h, 0, sizeof(*h));
	snprintf(h->name, sizeof(h->name), "%s", name);
	h->mem_mb = LAB_MEM_DEFAULT;
	h->cpu = HN_CPU_UNSET;
	h->revert = HN_REVERT_EVERY_START;
	h->line = line;
}

/* "[honeypot NAME]": every setting after it, to the next, is NAME's. */
static int start_section(struct hn_parse *p, char *words)
{
	struct honeynet_conf *conf = p->conf;
	char *save = NULL, *kind, *name;
	const struct hn_honeypot *twin;

	p->cur = NULL;
	p->dc.c.section = NULL;
	kind = strtok_r(words, WHITESPACE, &save);
	name = kind ? strtok_r(NULL, WHITESPACE, &save) : NULL;
	if (!kind || strcmp(kind, "honeypot") || !name || strtok_r(NULL, WHITESPACE, &save))
		return conf_fail(&p->dc.c, "[%.32s]: unknown section; use [honeypot NAME]",
				 kind ? kind : "");
	if (!valid_name(name))
		return conf_fail(&p->dc.c, "[honeypot %.40s]: a name is 1 to %d of a-z 0-9 - _, starting with a letter or digit",
				 name, HN_NAME_MAX);
	twin = find_honeypot(conf, name);
	if (twin)
		return conf_fail(&p->dc.c, "[honeypot %s]: also on line %u; each honeypot's name is its own",
				 name, twin->line);
	if (conf->n_honeypots == DC_MAX_HONEYPOTS)
		return conf_fail(&p->dc.c, "[honeypot %s]: more than %d honeypots", name,
				 DC_MAX_HONEYPOTS);
	p->cur = &conf->honeypot[conf->n_honeypots++];
	honeypot_defaults(p->cur, name, p->dc.c.line);
	memset(&conf->dc.honeypot[conf->dc.n_honeypots++], 0, sizeof(struct dc_honeypot));
	snprintf(p->section, sizeof(p->section), "honeypot %s", name);
	p->dc.c.section = p->section;
	return 0;
}

static int global_setting(struct hn_parse *p, const char *key, const char *value)
{
	int rc;

	if (strcmp(key, "honeypot") == 0)
		return conf_fail(&p->dc.c, "honeypot: in honeynet.conf each honeypot is a [honeypot NAME] section");
	if (strcmp(key, "inside_if") == 0)
		return conf_fail(&p->dc.c, "inside_if: in honeynet.conf each honeypot names its own (tap = ...)");
	rc = conf_set(&p->dc.c, global_keys, HN_NGLOBAL, p->global_line, p, key, value);
	if (rc == 1)
		rc = dc_config_set(&p->dc, key, value);
	if (rc == 1)
		return conf_fail(&p->dc.c, "unknown setting \"%.32s\"", key);
	return rc;
}

static int honeypot_setting(struct hn_parse *p, const char *key, const char *value)
{
	int rc = conf_set(&p->dc.c, honeypot_keys, HN_NKEYS, p->cur->key_line, p,
			  key, value);

	if (rc != 1)
		return rc;
	if (dc_config_knows(key) || conf_key_index(global_keys, HN_NGLOBAL, key) < HN_NGLOBAL)
		return conf_fail(&p->dc.c, "%.32s: a global setting; it goes before the first [honeypot NAME]",
				 key);
	return conf_fail(&p->dc.c, "unknown setting \"%.32s\"", key);
}

static int on_line(struct conf_parse *c, void *ctx, char *key, char *value)
{
	struct hn_parse *p = ctx;

	(void)c;
	if (!value)
		return start_section(p, key);
	if (p->cur)
		return honeypot_setting(p, key, value);
	return global_setting(p, key, value);
}

/* Points messages at honeypot h's line for key, or its section's line
 * when key took its default; section is the buffer its name goes in. */
static void point_at(struct conf_parse *c, char *section, size_t len,
		     const struct hn_honeypot *h, enum hn_key key)
{
	snprintf(section, len, "honeypot %s", h->name);
	c->section = section;
	c->line = key < HN_NKEYS && h->key_line[key] ? h->key_line[key] : h->line;
}

static void point(struct hn_parse *p, const struct hn_honeypot *h, enum hn_key key)
{
	point_at(&p->dc.c, p->section, sizeof(p->section), h, key);
}

static int require(struct hn_parse *p, const struct hn_honeypot *h,
		   enum hn_key key, const char *what)
{
	if (h->key_line[key])
		return 0;
	point(p, h, key);
	return conf_fail(&p->dc.c, "%s: missing; %s", honeypot_keys[key].name, what);
}

static int require_all(struct hn_parse *p, const struct hn_honeypot *h)
{
	return require(p, h, HN_KEY_PUBLIC, "the address attackers reach is needed") ||
	       (p->conf->dc.mode == DC_MODE_NAT &&
		require(p, h, HN_KEY_INTERNAL, "NAT mode needs the honeypot's own address")) ||
	       require(p, h, HN_KEY_ROOT_FS, "the honeypot's root_fs image is needed") ||
	       require(p, h, HN_KEY_PERSONA, "the honeypot's /proc persona directory is needed");
}

/* What a honeypot did not set: the global limits and budget, its tap and
 * jail uid from its name and place. */
static int fill_defaults(struct hn_parse *p, struct hn_honeypot *h)
{
	const struct honeynet_conf *conf = p->conf;
	size_t i;

	for (i = 0; i < DC_NPROTO; i++) {
		if (!h->key_line[HN_KEY_LIMIT_TCP + i])
			h->limit[i] = conf->dc.limit[i];
	}
	if (!h->key_line[HN_KEY_BUDGET])
		h->budget = conf->budget;
	if (!h->key_line[HN_KEY_JAIL_UID])
		h->jail_uid = HN_JAIL_UID_BASE + (unsigned int)(h - conf->honeypot);
	if (h->key_line[HN_KEY_TAP])
		return 0;
	if (strlen(HN_TAP_PREFIX) + strlen(h->name) >= IF_NAMESIZE) {
		point(p, h, HN_KEY_TAP);
		return conf_fail(&p->dc.c, "tap: the default " HN_TAP_PREFIX "%s is longer than %d bytes; name one (tap = ...)",
				 h->name, IF_NAMESIZE - 1);
	}
	snprintf(h->tap, sizeof(h->tap), HN_TAP_PREFIX "%s", h->name);
	return 0;
}

/* Each honeypot has its own tap, CPU and jail uid; a shared one would mix
 * two honeypots' traffic, slow both, or let one guest signal the other. */
static int check_distinct(struct hn_parse *p, const struct hn_honeypot *h)
{
	const struct honeynet_conf *conf = p->conf;
	const struct hn_honeypot *o;

	for (o = conf->honeypot; o < h; o++) {
		if (strcmp(o->tap, h->tap) == 0) {
			point(p, h, HN_KEY_TAP);
			return conf_fail(&p->dc.c, "tap %s: also honeypot %s's; each has its own",
					 h->tap, o->name);
		}
		if (h->cpu >= 0 && o->cpu == h->cpu) {
			point(p, h, HN_KEY_CPU);
			return conf_fail(&p->dc.c, "cpu %d: also honeypot %s's; each has its own (or any)",
					 h->cpu, o->name);
		}
		if (o->jail_uid == h->jail_uid) {
			point(p, h, HN_KEY_JAIL_UID);
			return conf_fail(&p->dc.c, "jail_uid %u: also honeypot %s's; each has its own",
					 h->jail_uid, o->name);
		}
	}
	return 0;
}

static int check_names(struct hn_parse *p, const struct hn_honeypot *h)
{
	const struct dc_config *dc = &p->conf->dc;
	char state[sizeof(HN_STATE_DIR "/") + HN_NAME_MAX];

	if (strcmp(h->tap, dc->outside_if) == 0 ||
	    (dc->mode == DC_MODE_BRIDGE && strcmp(h->tap, dc->bridge_if) == 0)) {
		point(p, h, HN_KEY_TAP);
		return conf_fail(&p->dc.c, "tap %s: also %s", h->tap,
				 strcmp(h->tap, dc->outside_if) ? "bridge_if" : "outside_if");
	}
	snprintf(state, sizeof(state), HN_STATE_DIR "/%s", h->name);
	if (strcmp(state, p->conf->archive) == 0) {
		point(p, h, HN_NKEYS);
		return conf_fail(&p->dc.c, "its state directory %s is the archive; rename one",
				 state);
	}
	return 0;
}

static int check_honeypots(struct hn_parse *p)
{
	struct honeynet_conf *conf = p->conf;
	size_t i;

	if (conf->n_honeypots == 0)
		return conf_fail(&p->dc.c, "no [honeypot NAME] section; at least one honeypot is needed");
	for (i = 0; i < conf->n_honeypots; i++) {
		struct hn_honeypot *h = &conf->honeypot[i];

		if (require_all(p, h) || fill_defaults(p, h) ||
		    check_distinct(p, h) || check_names(p, h))
			return -1;
	}
	return 0;
}

int honeynet_conf_parse(struct honeynet_conf *conf, const char *file,
			const char *text, char *err, size_t errlen)
{
	struct hn_parse p = { .conf = conf };

	memset(conf, 0, sizeof(*conf));
	snprintf(conf->file, sizeof(conf->file), "%s", file);
	strcpy(conf->archive, HN_ARCHIVE_DEFAULT);
	dc_parse_start(&p.dc, &conf->dc, conf->file, err, errlen);
	conf->dc.inside_if[0] = '\0';
	if (conf_parse_text(&p.dc.c, text, on_line, &p))
		return -1;
	p.dc.c.section = NULL;
	if (check_honeypots(&p))
		return -1;
	return dc_config_finish(&p.dc);
}

/* Why path is not of type (S_IFREG, S_IFDIR), or NULL if it is. */
static const char *file_problem(const char *path, mode_t type)
{
	struct stat st;

	if (stat(path, &st))
		return strerror(errno);
	if ((st.st_mode & S_IFMT) != type)
		return type == S_IFREG ? "not a regular file" : "not a directory";
	return NULL;
}

static int check_files(struct conf_parse *c, char *section, size_t len,
		       const struct hn_honeypot *h)
{
	const char *why = file_problem(h->root_fs, S_IFREG);

	if (why) {
		point_at(c, section, len, h, HN_KEY_ROOT_FS);
		return conf_fail(c, "root_fs = %s: %s", h->root_fs, why);
	}
	why = file_problem(h->persona, S_IFDIR);
	if (why) {
		point_at(c, section, len, h, HN_KEY_PERSONA);
		return conf_fail(c, "persona = %s: %s", h->persona, why);
	}
	return 0;
}

static int check_cpu(struct conf_parse *c, char *section, size_t len,
		     const struct hn_honeypot *h, const cpu_set_t *cpus)
{
	if (h->cpu < 0 || CPU_ISSET(h->cpu, cpus))
		return 0;
	point_at(c, section, len, h, HN_KEY_CPU);
	return conf_fail(c, "cpu = %d: not one of the %d CPUs this host lets honeynet use (taskset -p %ld)",
			 h->cpu, CPU_COUNT(cpus), (long)getpid());
}

/* A jail uid or gid that an account has would let that account's
 * processes signal or trace the guest kernel, and the guest touch its files. */
static int check_jail_uid(struct conf_parse *c, char *section, size_t len,
			  const struct hn_honeypot *h)
{
	struct passwd *pw = getpwuid(h->jail_uid);
	struct group *gr = getgrgid(h->jail_uid);

	if (!pw && !gr)
		return 0;
	point_at(c, section, len, h, HN_KEY_JAIL_UID);
	return conf_fail(c, "jail_uid %u%s: %s %.32s has it; a jail's uid and gid are no account's",
			 h->jail_uid, h->key_line[HN_KEY_JAIL_UID] ? "" : " (the default)",
			 pw ? "user" : "group", pw ? pw->pw_name : gr->gr_name);
}

int honeynet_conf_check_host(const struct honeynet_conf *conf, char *err,
			     size_t errlen)
{
	struct conf_parse c = { .file = conf->file, .err = err, .errlen = errlen };
	char section[HN_NAME_MAX + sizeof("honeypot ")];
	cpu_set_t cpus;
	size_t i;

	if (if_nametoindex(conf->dc.outside_if) == 0)
		return conf_fail(&c, "outside_if = %s: no such interface here", conf->dc.outside_if);
	if (sched_getaffinity(0, sizeof(cpus), &cpus))
		return conf_fail(&c, "sched_getaffinity: %s; the CPUs are unknown", strerror(errno));
	for (i = 0; i < conf->n_honeypots; i++) {
		const struct hn_honeypot *h = &conf->honeypot[i];

		if (check_files(&c, section, sizeof(section), h) ||
		    check_cpu(&c, section, sizeof(section), h, &cpus) ||
		    check_jail_uid(&c, section, sizeof(section), h))
			return -1;
	}
	return 0;
}

int honeynet_conf_load(struct honeynet_conf *conf, const char *path,
		       char *err, size_t errlen)
{
	char *text;
	int rc;

	if (conf_read_file(path, &text, err, errlen))
		return -1;
	rc = honeynet_conf_parse(conf, path, text, err, errlen);
	free(text);
	return rc ? rc : honeynet_conf_check_host(conf, err, errlen);
}
