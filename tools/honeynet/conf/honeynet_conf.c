// SPDX-License-Identifier: GPL-2.0
/* honeynet.conf: the honeywall's Data Control and its honeypots, parsed and checked. */
#include <arpa/inet.h>
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
enum {
	HN_GLOBAL_ARCHIVE, HN_GLOBAL_BUDGET, HN_GLOBAL_GATEWAY, HN_GLOBAL_PREFIX,
	HN_GLOBAL_KEEP_DAYS, HN_GLOBAL_KEEP_SIZE, HN_GLOBAL_KERNEL, HN_NGLOBAL
};

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

/* A size as budget takes it; keep_size (zero_ok) also takes 0, no cap. */
static int set_size_to(struct hn_parse *p, const char *key, const char *v,
		       uint64_t *dst, int zero_ok)
{
	if (zero_ok && strcmp(v, "0") == 0) {
		*dst = 0;
		return 0;
	}
	if (bytesize_parse(v, BUDGET_MIN, BUDGET_MAX, dst) == 0)
		return 0;
	return conf_fail(&p->dc.c, "%s = %.64s: need %sbytes, or a number with K, M, G or T "
			 "(powers of 1024), at least 1M", key, v, zero_ok ? "0 (no cap), " : "");
}

static int set_keep_days_to(struct hn_parse *p, const char *key, const char *v,
			    unsigned int *dst)
{
	if (parse_uint(v, 0, HN_KEEP_DAYS_MAX, dst) == 0)
		return 0;
	return conf_fail(&p->dc.c, "%s = %.64s: need whole days from 0 (keep every run) to %d",
			 key, v, HN_KEEP_DAYS_MAX);
}

static int set_archive(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_path(p, key, v, p->conf->archive);
}

static int set_budget(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_size_to(p, key, v, &p->conf->budget, 0);
}

/* Whether it is a honeypot's address is checked once they are all read. */
static int set_gateway(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return dc_parse_addr(&p->dc, key, v, &p->conf->gateway);
}

static int set_prefix(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	if (parse_uint(v, HN_PREFIX_MIN, HN_PREFIX_MAX, &p->conf->prefix) == 0)
		return 0;
	return conf_fail(&p->dc.c, "%s = %.64s: need a netmask length from %d to %d",
			 key, v, HN_PREFIX_MIN, HN_PREFIX_MAX);
}

static int set_keep_days(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_keep_days_to(p, key, v, &p->conf->keep_days);
}

static int set_keep_size(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_size_to(p, key, v, &p->conf->keep_size, 1);
}

static int set_kernel(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_path(p, key, v, p->conf->kernel);
}

static const struct conf_key global_keys[HN_NGLOBAL] = {
	[HN_GLOBAL_ARCHIVE] = { "archive", set_archive, 0 },
	[HN_GLOBAL_BUDGET] = { "budget", set_budget, 0 },
	[HN_GLOBAL_GATEWAY] = { "gateway", set_gateway, 0 },
	[HN_GLOBAL_PREFIX] = { "prefix", set_prefix, 0 },
	[HN_GLOBAL_KEEP_DAYS] = { "keep_days", set_keep_days, 0 },
	[HN_GLOBAL_KEEP_SIZE] = { "keep_size", set_keep_size, 0 },
	[HN_GLOBAL_KERNEL] = { "kernel", set_kernel, 0 },
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

	return set_size_to(p, key, v, &p->cur->budget, 0);
}

static int set_group(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;
	struct dc_honeypot *h = &p->conf->dc.honeypot[index_of(p)];

	return dc_parse_group(&p->dc, key, v, strcmp(key, "nflog_group") == 0 ?
			      &h->nflog_group : &h->unlogged_group);
}

static int set_hp_keep_days(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_keep_days_to(p, key, v, &p->cur->keep_days);
}

static int set_hp_keep_size(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	return set_size_to(p, key, v, &p->cur->keep_size, 1);
}

/* One RFC 1123 label, lower case: 1 to 63 of a-z 0-9 -, with no '-' at
 * either end. The guest's kernel and init take it as given, and what
 * attackers see of it must look like any host's. */
static int valid_hostname(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= HN_HOSTNAME_MAX && s[0] != '-' && s[n - 1] != '-' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static const char hostname_rule[] = "1 to 63 of a-z 0-9 -, not starting or ending with -";

static int set_hostname(void *ctx, const char *key, const char *v)
{
	struct hn_parse *p = ctx;

	if (!valid_hostname(v))
		return conf_fail(&p->dc.c, "%s = %.64s: not a host name (%s)", key, v,
				 hostname_rule);
	strcpy(p->cur->hostname, v);
	return 0;
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
	[HN_KEY_NFLOG_GROUP] = { "nflog_group", set_group, 0 },
	[HN_KEY_UNLOGGED_GROUP] = { "unlogged_group", set_group, 0 },
	[HN_KEY_KEEP_DAYS] = { "keep_days", set_hp_keep_days, 0 },
	[HN_KEY_KEEP_SIZE] = { "keep_size", set_hp_keep_size, 0 },
	[HN_KEY_HOSTNAME] = { "hostname", set_hostname, 0 },
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

int hn_honeypot_index(const struct honeynet_conf *conf, const char *name)
{
	size_t i;

	for (i = 0; i < conf->n_honeypots; i++) {
		if (strcmp(conf->honeypot[i].name, name) == 0)
			return (int)i;
	}
	return -1;
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
	int twin;

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
	twin = hn_honeypot_index(conf, name);
	if (twin >= 0)
		return conf_fail(&p->dc.c, "[honeypot %s]: also on line %u; each honeypot's name is its own",
				 name, conf->honeypot[twin].line);
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

static size_t honeypot_index(const struct hn_parse *p, const struct hn_honeypot *h)
{
	return (size_t)(h - p->conf->honeypot);
}

static int default_tap(struct hn_parse *p, struct hn_honeypot *h)
{
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

/* A name may hold '_', which no host name may. */
static int default_hostname(struct hn_parse *p, struct hn_honeypot *h)
{
	if (h->key_line[HN_KEY_HOSTNAME])
		return 0;
	if (!valid_hostname(h->name)) {
		point(p, h, HN_KEY_HOSTNAME);
		return conf_fail(&p->dc.c, "hostname: the default %s is not a host name (%s); name one (hostname = ...)",
				 h->name, hostname_rule);
	}
	strcpy(h->hostname, h->name);
	return 0;
}

/* Each honeypot's pair follows the global one: 5/6, 7/8, ... by default. */
static int default_group(struct hn_parse *p, const struct hn_honeypot *h,
			 enum hn_key key, unsigned int global, unsigned int *dst)
{
	size_t i = honeypot_index(p, h);
	unsigned long g = global + 2UL * i;

	if (h->key_line[key])
		return 0;
	if (g > DC_GROUP_MAX) {
		point(p, h, key);
		return conf_fail(&p->dc.c, "%s: the default %u + 2 * %zu is more than %d; set one",
				 honeypot_keys[key].name, global, i, DC_GROUP_MAX);
	}
	*dst = (unsigned int)g;
	return 0;
}

/* What a honeypot did not set: the global limits, budget and retention;
 * its tap, host name, jail uid and NFLOG groups from its name and place.
 * Then its Data Control entry gets its tap and limits. */
static int fill_defaults(struct hn_parse *p, struct hn_honeypot *h)
{
	struct honeynet_conf *conf = p->conf;
	struct dc_honeypot *d = &conf->dc.honeypot[honeypot_index(p, h)];
	size_t i;

	for (i = 0; i < DC_NPROTO; i++) {
		if (!h->key_line[HN_KEY_LIMIT_TCP + i])
			h->limit[i] = conf->dc.limit[i];
	}
	if (!h->key_line[HN_KEY_BUDGET])
		h->budget = conf->budget;
	if (!h->key_line[HN_KEY_KEEP_DAYS])
		h->keep_days = conf->keep_days;
	if (!h->key_line[HN_KEY_KEEP_SIZE])
		h->keep_size = conf->keep_size;
	if (!h->key_line[HN_KEY_JAIL_UID])
		h->jail_uid = HN_JAIL_UID_BASE + (unsigned int)honeypot_index(p, h);
	if (default_tap(p, h) || default_hostname(p, h) ||
	    default_group(p, h, HN_KEY_NFLOG_GROUP, conf->dc.nflog_group, &d->nflog_group) ||
	    default_group(p, h, HN_KEY_UNLOGGED_GROUP, conf->dc.unlogged_group,
			  &d->unlogged_group))
		return -1;
	strcpy(d->inside_if, h->tap);
	memcpy(d->limit, h->limit, sizeof(d->limit));
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

static unsigned int group_of(const struct dc_honeypot *d, enum hn_key key)
{
	return key == HN_KEY_NFLOG_GROUP ? d->nflog_group : d->unlogged_group;
}

static const char *defaulted(const struct hn_honeypot *h, enum hn_key key)
{
	return h->key_line[key] ? "" : " (the default)";
}

/* hostd tells logged from unlogged attempts by the group they arrive in,
 * and each hostd reads only its own honeypot's: every group is one
 * honeypot's, for one purpose. */
static int check_groups(struct hn_parse *p, const struct hn_honeypot *h)
{
	static const enum hn_key keys[] = { HN_KEY_NFLOG_GROUP, HN_KEY_UNLOGGED_GROUP };
	const struct honeynet_conf *conf = p->conf;
	size_t i = honeypot_index(p, h), j, k, m;
	const struct dc_honeypot *d = &conf->dc.honeypot[i];

	if (d->nflog_group == d->unlogged_group) {
		point(p, h, h->key_line[HN_KEY_UNLOGGED_GROUP] ? HN_KEY_UNLOGGED_GROUP :
			    HN_KEY_NFLOG_GROUP);
		return conf_fail(&p->dc.c, "nflog_group and unlogged_group: both are %u; they must differ",
				 d->nflog_group);
	}
	for (j = 0; j < i; j++) {
		for (k = 0; k < 2; k++) {
			for (m = 0; m < 2; m++) {
				if (group_of(d, keys[k]) != group_of(&conf->dc.honeypot[j], keys[m]))
					continue;
				point(p, h, keys[k]);
				return conf_fail(&p->dc.c, "%s %u%s: also honeypot %s's %s; each NFLOG group is one honeypot's",
						 honeypot_keys[keys[k]].name, group_of(d, keys[k]),
						 defaulted(h, keys[k]), conf->honeypot[j].name,
						 honeypot_keys[keys[m]].name);
			}
		}
	}
	return 0;
}

/* The gateway is the honeypot's default route: on its link (its own
 * address within prefix of it) and not one of its addresses. */
static int check_gateway(struct hn_parse *p, const struct hn_honeypot *h)
{
	const struct honeynet_conf *conf = p->conf;
	const struct dc_honeypot *d = &conf->dc.honeypot[honeypot_index(p, h)];
	enum hn_key key = d->has_internal ? HN_KEY_INTERNAL : HN_KEY_PUBLIC;
	struct in_addr own = d->has_internal ? d->internal_addr : d->public_addr;
	uint32_t mask = htonl(~0U << (32 - conf->prefix));
	char a[INET_ADDRSTRLEN], gw[INET_ADDRSTRLEN];

	if (d->public_addr.s_addr == conf->gateway.s_addr)
		key = HN_KEY_PUBLIC;
	inet_ntop(AF_INET, key == HN_KEY_PUBLIC ? &d->public_addr : &own, a, sizeof(a));
	inet_ntop(AF_INET, &conf->gateway, gw, sizeof(gw));
	if (d->public_addr.s_addr == conf->gateway.s_addr || own.s_addr == conf->gateway.s_addr) {
		point(p, h, key);
		return conf_fail(&p->dc.c, "%s %s: also the gateway%s; a honeypot's default route is another host",
				 honeypot_keys[key].name, a,
				 p->global_line[HN_GLOBAL_GATEWAY] ? "" : " (the default)");
	}
	if ((own.s_addr ^ conf->gateway.s_addr) & mask) {
		point(p, h, key);
		return conf_fail(&p->dc.c, "%s %s: not within /%u of gateway %s; a default route must be on the honeypot's link",
				 honeypot_keys[key].name, a, conf->prefix, gw);
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
		    check_distinct(p, h) || check_names(p, h) ||
		    check_groups(p, h) || check_gateway(p, h))
			return -1;
	}
	return 0;
}

/* The gateway's default depends on the mode, known once the file is read. */
static int default_gateway(struct hn_parse *p)
{
	if (p->global_line[HN_GLOBAL_GATEWAY])
		return 0;
	if (p->conf->dc.mode == DC_MODE_BRIDGE)
		return conf_fail(&p->dc.c, "gateway: missing; bridge mode needs the outside network's router");
	return inet_pton(AF_INET, HN_GATEWAY_NAT_DEFAULT, &p->conf->gateway) == 1 ? 0 :
	       conf_fail(&p->dc.c, "gateway: the default " HN_GATEWAY_NAT_DEFAULT " does not parse");
}

int honeynet_conf_parse(struct honeynet_conf *conf, const char *file,
			const char *text, char *err, size_t errlen)
{
	struct hn_parse p = { .conf = conf };

	memset(conf, 0, sizeof(*conf));
	snprintf(conf->file, sizeof(conf->file), "%s", file);
	strcpy(conf->archive, HN_ARCHIVE_DEFAULT);
	conf->prefix = HN_PREFIX_DEFAULT;
	dc_parse_start(&p.dc, &conf->dc, conf->file, err, errlen);
	conf->dc.inside_if[0] = '\0';
	if (conf_parse_text(&p.dc.c, text, on_line, &p))
		return -1;
	if (dc_config_finish(&p.dc) || default_gateway(&p))
		return -1;
	return check_honeypots(&p);
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

/* The kernel hostd starts, when the config names one. */
static int check_kernel(struct conf_parse *c, const char *kernel)
{
	const char *why;

	if (kernel[0] == '\0')
		return 0;
	why = file_problem(kernel, S_IFREG);
	if (!why && access(kernel, X_OK))
		why = strerror(errno);
	return why ? conf_fail(c, "kernel = %s: %s", kernel, why) : 0;
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
	if (check_kernel(&c, conf->kernel))
		return -1;
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
