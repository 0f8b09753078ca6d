// SPDX-License-Identifier: GPL-2.0
/* Data Control settings (the rc.firewall role): parsed and checked from text. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dc_config.h"
#include "parse_uint.h"

#define WHITESPACE " \t\r\v\f"

static const char *const proto_names[DC_NPROTO] = { "tcp", "udp", "icmp",
						    "other" };
static const char *const scale_names[] = { "second", "minute", "hour", "day" };

const char *dc_proto_name(enum dc_proto proto)
{
	return proto_names[proto];
}

const char *dc_scale_name(enum dc_scale scale)
{
	return scale_names[scale];
}

void dc_config_defaults(struct dc_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->mode = DC_MODE_NAT;
	cfg->scale = DC_SCALE_HOUR;
	cfg->limit[DC_PROTO_TCP] = 9;
	cfg->limit[DC_PROTO_UDP] = 20;
	cfg->limit[DC_PROTO_ICMP] = 50;
	cfg->limit[DC_PROTO_OTHER] = 10;
	cfg->nflog_group = DC_NFLOG_GROUP_DEFAULT;
	cfg->unlogged_group = DC_UNLOGGED_GROUP_DEFAULT;
	cfg->log_rate = DC_LOG_RATE_DEFAULT;
	cfg->log_scale = DC_SCALE_SECOND;
	cfg->log_burst = DC_LOG_BURST_DEFAULT;
	strcpy(cfg->inside_if, "tap0");
	strcpy(cfg->bridge_if, "br0");
}

/* Only unicast IPv4 makes sense for a honeypot, resolver or manager:
 * 0/8, 127/8 and 224/3 (multicast, reserved, broadcast) are refused. */
static int parse_addr(const char *s, struct in_addr *a)
{
	unsigned int first;

	if (inet_pton(AF_INET, s, a) != 1)
		return -1;
	first = ntohl(a->s_addr) >> 24;
	return first == 0 || first == 127 || first >= 224 ? -1 : 0;
}

int dc_parse_addr(struct dc_parse *p, const char *key, const char *word,
		  struct in_addr *dst)
{
	if (parse_addr(word, dst) == 0)
		return 0;
	return conf_fail(&p->c, "%s = %.64s: not a unicast IPv4 address (like 203.0.113.10)",
			 key, word);
}

/* Linux accepts names of 1 to 15 bytes without '/', ':' or whitespace; this
 * also refuses '"', '\\' and '*' because names are quoted into nft rules,
 * where '*' would widen a match to every name with that prefix. */
int dc_valid_ifname(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n >= IF_NAMESIZE || !strcmp(s, ".") || !strcmp(s, ".."))
		return 0;
	for (i = 0; i < n; i++) {
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789._-", s[i]))
			return 0;
	}
	return 1;
}

static int set_ifname(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;
	char *dst = !strcmp(key, "outside_if") ? p->cfg->outside_if :
		    !strcmp(key, "inside_if") ? p->cfg->inside_if :
		    p->cfg->bridge_if;

	if (!dc_valid_ifname(v))
		return conf_fail(&p->c, "%s = %.64s: not a valid interface name (1 to %d of A-Z a-z 0-9 . _ -)",
				 key, v, IF_NAMESIZE - 1);
	strcpy(dst, v);
	return 0;
}

static int set_mode(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;

	if (!strcmp(v, "nat"))
		p->cfg->mode = DC_MODE_NAT;
	else if (!strcmp(v, "bridge"))
		p->cfg->mode = DC_MODE_BRIDGE;
	else
		return conf_fail(&p->c, "%s = %.64s: unknown mode; use nat or bridge", key, v);
	return 0;
}

static int scale_of(const char *s, enum dc_scale *out)
{
	size_t i;

	for (i = 0; i < sizeof(scale_names) / sizeof(scale_names[0]); i++) {
		if (!strcmp(s, scale_names[i])) {
			*out = (enum dc_scale)i;
			return 0;
		}
	}
	return -1;
}

static int set_scale(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;

	if (scale_of(v, &p->cfg->scale) == 0)
		return 0;
	return conf_fail(&p->c, "%s = %.64s: unknown scale; use second, minute, hour or day",
			 key, v);
}

/* "N/SCALE", as nft writes a rate: 20/second. */
static int set_log_rate(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;
	char num[16];
	const char *slash = strchr(v, '/');
	size_t n = slash ? (size_t)(slash - v) : 0;

	if (slash && n < sizeof(num)) {
		memcpy(num, v, n);
		num[n] = '\0';
		if (parse_uint(num, 1, DC_LOG_MAX, &p->cfg->log_rate) == 0 &&
		    scale_of(slash + 1, &p->cfg->log_scale) == 0)
			return 0;
	}
	return conf_fail(&p->c, "%s = %.64s: need N/SCALE, N from 1 to %d and SCALE second, minute, hour or day",
			 key, v, DC_LOG_MAX);
}

static int set_log_burst(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;

	if (parse_uint(v, 1, DC_LOG_MAX, &p->cfg->log_burst) == 0)
		return 0;
	return conf_fail(&p->c, "%s = %.64s: need a whole number of attempts from 1 to %d",
			 key, v, DC_LOG_MAX);
}

int dc_parse_limit(struct dc_parse *p, const char *key, const char *v,
		   unsigned int limit[DC_NPROTO])
{
	size_t i;

	for (i = 0; i < DC_NPROTO; i++) {
		if (!strcmp(key + strlen("limit_"), proto_names[i]))
			break;
	}
	if (parse_uint(v, 1, DC_LIMIT_MAX, &limit[i]) == 0)
		return 0;
	return conf_fail(&p->c, "%s = %.64s: need a whole number of connections from 1 to %d",
			 key, v, DC_LIMIT_MAX);
}

static int set_limit(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;

	return dc_parse_limit(p, key, v, p->cfg->limit);
}

int dc_parse_group(struct dc_parse *p, const char *key, const char *v,
		   unsigned int *dst)
{
	if (parse_uint(v, 0, DC_GROUP_MAX, dst) == 0)
		return 0;
	return conf_fail(&p->c, "%s = %.64s: need a group number from 0 to %d", key, v,
			 DC_GROUP_MAX);
}

static int set_nflog_group(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;

	return dc_parse_group(p, key, v, !strcmp(key, "nflog_group") ?
				&p->cfg->nflog_group : &p->cfg->unlogged_group);
}

/* Whether a is already one of the honeypots' addresses, public or internal. */
static int honeypot_addr_taken(const struct dc_config *cfg, struct in_addr a)
{
	size_t i;

	for (i = 0; i < cfg->n_honeypots; i++) {
		const struct dc_honeypot *h = &cfg->honeypot[i];

		if (h->public_addr.s_addr == a.s_addr ||
		    (h->has_internal && h->internal_addr.s_addr == a.s_addr))
			return 1;
	}
	return 0;
}

int dc_honeypot_addr(struct dc_parse *p, const char *key, const char *word,
		     struct in_addr *dst)
{
	struct in_addr a;

	if (dc_parse_addr(p, key, word, &a))
		return -1;
	if (honeypot_addr_taken(p->cfg, a))
		return conf_fail(&p->c, "%s: %.64s is given twice", key, word);
	*dst = a;
	return 0;
}

/* One or two addresses; whether the mode wants one or two is checked once
 * the whole file is read, as mode may come after the honeypots. */
static int add_honeypot(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;
	char words[CONF_LINE_MAX], *save = NULL, *pub, *in;
	struct dc_config *cfg = p->cfg;
	struct dc_honeypot *h = &cfg->honeypot[cfg->n_honeypots];

	if (cfg->n_honeypots == DC_MAX_HONEYPOTS)
		return conf_fail(&p->c, "%s: more than %d honeypots", key, DC_MAX_HONEYPOTS);
	snprintf(words, sizeof(words), "%s", v);
	pub = strtok_r(words, WHITESPACE, &save);
	in = strtok_r(NULL, WHITESPACE, &save);
	if (strtok_r(NULL, WHITESPACE, &save))
		return conf_fail(&p->c, "%s = %.64s: at most two addresses (public internal)",
				 key, v);
	if (dc_honeypot_addr(p, key, pub, &h->public_addr))
		return -1;
	if (in) {
		if (dc_honeypot_addr(p, key, in, &h->internal_addr))
			return -1;
		if (h->public_addr.s_addr == h->internal_addr.s_addr)
			return conf_fail(&p->c, "%s: %.64s is given twice", key, in);
		h->has_internal = 1;
	}
	p->honeypot_line[cfg->n_honeypots++] = p->c.line;
	return 0;
}

static int add_to_list(struct dc_parse *p, const char *key, const char *v,
		       struct in_addr *list, size_t *n, size_t max)
{
	struct in_addr a;
	size_t i;

	if (dc_parse_addr(p, key, v, &a))
		return -1;
	for (i = 0; i < *n; i++) {
		if (list[i].s_addr == a.s_addr)
			return conf_fail(&p->c, "%s: %.64s is given twice", key, v);
	}
	if (*n == max)
		return conf_fail(&p->c, "%s: more than %zu addresses", key, max);
	list[(*n)++] = a;
	return 0;
}

static int add_resolver(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;

	return add_to_list(p, key, v, p->cfg->resolver, &p->cfg->n_resolvers,
			   DC_MAX_RESOLVERS);
}

static int add_manager(void *ctx, const char *key, const char *v)
{
	struct dc_parse *p = ctx;

	return add_to_list(p, key, v, p->cfg->manager, &p->cfg->n_managers,
			   DC_MAX_MANAGERS);
}

/* key_line[] is indexed by a key's place here. */
static const struct conf_key keys[DC_NKEYS] = {
	{ "mode", set_mode, 0 },
	{ "scale", set_scale, 0 },
	{ "limit_tcp", set_limit, 0 },
	{ "limit_udp", set_limit, 0 },
	{ "limit_icmp", set_limit, 0 },
	{ "limit_other", set_limit, 0 },
	{ "nflog_group", set_nflog_group, 0 },
	{ "unlogged_group", set_nflog_group, 0 },
	{ "log_rate", set_log_rate, 0 },
	{ "log_burst", set_log_burst, 0 },
	{ "outside_if", set_ifname, 0 },
	{ "inside_if", set_ifname, 0 },
	{ "bridge_if", set_ifname, 0 },
	{ "honeypot", add_honeypot, 1 },
	{ "dns_resolver", add_resolver, 1 },
	{ "manager", add_manager, 1 },
};

static unsigned int key_line(const struct dc_parse *p, const char *name)
{
	return p->key_line[conf_key_index(keys, DC_NKEYS, name)];
}

int dc_config_set(struct dc_parse *p, const char *key, const char *value)
{
	return conf_set(&p->c, keys, DC_NKEYS, p->key_line, p, key, value);
}

int dc_config_knows(const char *key)
{
	return conf_key_index(keys, DC_NKEYS, key) < DC_NKEYS;
}

/* A honeywall config has no sections: its honeypots are `honeypot =` lines. */
static int honeywall_line(struct conf_parse *c, void *ctx, char *key,
			  char *value)
{
	struct dc_parse *p = ctx;
	int rc;

	if (!value)
		return conf_fail(c, "[%.32s]: a honeywall config has no sections", key);
	rc = dc_config_set(p, key, value);
	if (rc == 1)
		return conf_fail(c, "unknown setting \"%.32s\"", key);
	return rc;
}

static int check_honeypots(struct dc_parse *p)
{
	const struct dc_config *cfg = p->cfg;
	size_t i;

	if (cfg->n_honeypots == 0)
		return conf_fail(&p->c, "honeypot: none given; at least one is needed");
	for (i = 0; i < cfg->n_honeypots; i++) {
		p->c.line = p->honeypot_line[i];
		if (cfg->mode == DC_MODE_NAT && !cfg->honeypot[i].has_internal)
			return conf_fail(&p->c, "honeypot: NAT mode needs a public and an internal address");
		if (cfg->mode == DC_MODE_BRIDGE && cfg->honeypot[i].has_internal)
			return conf_fail(&p->c, "honeypot: bridge mode takes one address, the honeypot's own");
	}
	p->c.line = 0;
	return 0;
}

/* inside_if may be empty (honeynet.conf: each honeypot names its tap), and
 * then matches neither of the others. */
static int check_interfaces_named(struct dc_parse *p)
{
	const struct dc_config *cfg = p->cfg;
	int bridge = cfg->mode == DC_MODE_BRIDGE;

	if (cfg->outside_if[0] == '\0')
		return conf_fail(&p->c, "outside_if: missing; name the Internet-side interface");
	if (!strcmp(cfg->outside_if, cfg->inside_if))
		return conf_fail(&p->c, "outside_if and inside_if: both are %s", cfg->inside_if);
	if (!bridge && key_line(p, "bridge_if")) {
		p->c.line = key_line(p, "bridge_if");
		return conf_fail(&p->c, "bridge_if: only used in bridge mode");
	}
	if (bridge && (!strcmp(cfg->bridge_if, cfg->outside_if) ||
		       !strcmp(cfg->bridge_if, cfg->inside_if)))
		return conf_fail(&p->c, "bridge_if %s: must differ from outside_if and inside_if",
				 cfg->bridge_if);
	return 0;
}

/* hostd tells logged from unlogged attempts by the group they arrive in. */
static int check_groups(struct dc_parse *p)
{
	if (p->cfg->nflog_group != p->cfg->unlogged_group)
		return 0;
	p->c.line = key_line(p, "unlogged_group") ? key_line(p, "unlogged_group") :
		    key_line(p, "nflog_group");
	return conf_fail(&p->c, "nflog_group and unlogged_group: both are %u; they must differ",
			 p->cfg->nflog_group);
}

void dc_parse_start(struct dc_parse *p, struct dc_config *cfg,
		    const char *file, char *err, size_t errlen)
{
	memset(p, 0, sizeof(*p));
	p->c.file = file;
	p->c.err = err;
	p->c.errlen = errlen;
	p->cfg = cfg;
	dc_config_defaults(cfg);
}

int dc_config_finish(struct dc_parse *p)
{
	p->c.line = 0;
	p->c.section = NULL;
	return check_interfaces_named(p) || check_groups(p) ? -1 : 0;
}

/* honeywall.conf's honeypots share its one inside_if, limits and groups. */
static void give_globals(struct dc_config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_honeypots; i++) {
		struct dc_honeypot *h = &cfg->honeypot[i];

		strcpy(h->inside_if, cfg->inside_if);
		memcpy(h->limit, cfg->limit, sizeof(h->limit));
		h->nflog_group = cfg->nflog_group;
		h->unlogged_group = cfg->unlogged_group;
	}
}

int dc_config_parse(struct dc_config *cfg, const char *text, char *err,
		    size_t errlen)
{
	struct dc_parse p;

	dc_parse_start(&p, cfg, NULL, err, errlen);
	if (conf_parse_text(&p.c, text, honeywall_line, &p))
		return -1;
	if (check_honeypots(&p) || dc_config_finish(&p))
		return -1;
	give_globals(cfg);
	return 0;
}

int dc_config_load(struct dc_config *cfg, const char *path, char *err,
		   size_t errlen)
{
	char *text;
	int rc;

	if (conf_read_file(path, &text, err, errlen))
		return -1;
	rc = dc_config_parse(cfg, text, err, errlen);
	free(text);
	return rc;
}

static int check_if(const char *key, const char *name, char *err,
		    size_t errlen)
{
	if (if_nametoindex(name) != 0)
		return 0;
	snprintf(err, errlen, "%s = %s: no such interface here", key, name);
	return -1;
}

int dc_config_check_interfaces(const struct dc_config *cfg, char *err,
			       size_t errlen)
{
	size_t i;

	if (check_if("outside_if", cfg->outside_if, err, errlen))
		return -1;
	for (i = 0; i < cfg->n_honeypots; i++) {
		if (check_if("inside_if", cfg->honeypot[i].inside_if, err, errlen))
			return -1;
	}
	if (cfg->mode == DC_MODE_BRIDGE)
		return check_if("bridge_if", cfg->bridge_if, err, errlen);
	return 0;
}
