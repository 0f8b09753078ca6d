/* SPDX-License-Identifier: GPL-2.0 */
/* Data Control settings (the rc.firewall role): parsed and checked from text. */
#ifndef DC_CONFIG_H
#define DC_CONFIG_H

#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>

#include "conf_parse.h"

/* Bounds: lists are fixed arrays so hostile input cannot make them grow. */
#define DC_MAX_HONEYPOTS 16
#define DC_MAX_RESOLVERS 8
#define DC_MAX_MANAGERS 8
#define DC_LIMIT_MAX 1000000
#define DC_NFLOG_GROUP_DEFAULT 5
#define DC_GROUP_MAX 65535
/* Over-the-rate attempts go to this group, counted by hostd, never one event each. */
#define DC_UNLOGGED_GROUP_DEFAULT 6
/* Connection attempts logged per direction: 20 a second after a burst of
 * 100, so a scan's first hundred are events and a flood costs 20 lines a
 * second; what the rate leaves unlogged is counted (log_rate, log_burst). */
#define DC_LOG_RATE_DEFAULT 20
#define DC_LOG_BURST_DEFAULT 100
#define DC_LOG_MAX 1000000

enum dc_mode { DC_MODE_NAT, DC_MODE_BRIDGE };
enum dc_scale { DC_SCALE_SECOND, DC_SCALE_MINUTE, DC_SCALE_HOUR, DC_SCALE_DAY };
/* The protocol classes limited separately; OTHER is every other IP protocol. */
enum dc_proto { DC_PROTO_TCP, DC_PROTO_UDP, DC_PROTO_ICMP, DC_PROTO_OTHER,
		DC_NPROTO };

/* NAT: the public address outsiders reach, DNATed to the internal one.
 * Bridge: the honeypot's one real address; has_internal is 0.
 * The rest is what the ruleset renders for this honeypot alone: its tap,
 * outbound limits and NFLOG groups. honeywall.conf gives every honeypot
 * the global ones; honeynet.conf each its section's. */
struct dc_honeypot {
	struct in_addr public_addr;
	struct in_addr internal_addr;
	int has_internal;
	char inside_if[IF_NAMESIZE];	/* its tap */
	unsigned int limit[DC_NPROTO];	/* per dc_config.scale */
	unsigned int nflog_group;
	unsigned int unlogged_group;
};

/* The global limit[], groups and inside_if are the honeypots' defaults;
 * the ruleset reads only each honeypot's own. */
struct dc_config {
	enum dc_mode mode;
	enum dc_scale scale;
	unsigned int limit[DC_NPROTO];
	unsigned int nflog_group;
	unsigned int unlogged_group;	/* NFLOG group of the attempts over log_rate */
	unsigned int log_rate;		/* logged attempts per log_scale, per direction */
	enum dc_scale log_scale;
	unsigned int log_burst;		/* logged at once before the rate applies */
	char outside_if[IF_NAMESIZE];
	char inside_if[IF_NAMESIZE];
	char bridge_if[IF_NAMESIZE];
	struct dc_honeypot honeypot[DC_MAX_HONEYPOTS];
	size_t n_honeypots;
	struct in_addr resolver[DC_MAX_RESOLVERS];
	size_t n_resolvers;
	struct in_addr manager[DC_MAX_MANAGERS];
	size_t n_managers;
};

/* Where each setting of a parse came from, so checks made once the whole
 * text is read can still name a line. honeynet.conf's parse holds one. */
#define DC_NKEYS 16
struct dc_parse {
	struct conf_parse c;
	struct dc_config *cfg;
	unsigned int key_line[DC_NKEYS];
	unsigned int honeypot_line[DC_MAX_HONEYPOTS];
};

/* The defaults: NAT, per hour 9 TCP, 20 UDP, 50 ICMP, 10 other, inside_if
 * tap0, bridge_if br0, NFLOG group 5, over-the-rate group 6, log_rate
 * 20/second, log_burst 100; no honeypots, no outside_if. */
void dc_config_defaults(struct dc_config *cfg);

/*
 * Parses a whole config text (`key = value` lines, `#` comments) onto the
 * defaults and checks it as a whole; every honeypot gets the global
 * inside_if, limits and groups. On error writes a message naming the
 * setting and, where there is one, the line to err and returns -1.
 */
int dc_config_parse(struct dc_config *cfg, const char *text, char *err,
		    size_t errlen);

/* Reads path (at most CONF_FILE_MAX bytes) and parses it as dc_config_parse. */
int dc_config_load(struct dc_config *cfg, const char *path, char *err,
		   size_t errlen);

/*
 * The pieces honeynet.conf's parser shares. dc_parse_start sets cfg to the
 * defaults and p to a parse of file (NULL: "line N" in messages) into it.
 * dc_config_set takes one global setting: 0, -1 refused (message written),
 * or 1 when key is none of Data Control's. dc_config_finish checks the
 * settings as a whole, all but the list of honeypots, after the last line.
 */
void dc_parse_start(struct dc_parse *p, struct dc_config *cfg,
		    const char *file, char *err, size_t errlen);
int dc_config_set(struct dc_parse *p, const char *key, const char *value);
int dc_config_finish(struct dc_parse *p);
/* Whether key is one of Data Control's global settings. */
int dc_config_knows(const char *key);

/* limit_tcp, limit_udp, limit_icmp or limit_other = v, into limit[]. */
int dc_parse_limit(struct dc_parse *p, const char *key, const char *v,
		   unsigned int limit[DC_NPROTO]);

/* nflog_group or unlogged_group = v (0 to DC_GROUP_MAX), into *dst. */
int dc_parse_group(struct dc_parse *p, const char *key, const char *v,
		   unsigned int *dst);

/* A unicast IPv4 address word, for key, into *dst. */
int dc_parse_addr(struct dc_parse *p, const char *key, const char *word,
		  struct in_addr *dst);

/* A honeypot's address word, for key: unicast IPv4 and none of the
 * addresses cfg's honeypots already have. */
int dc_honeypot_addr(struct dc_parse *p, const char *key, const char *word,
		     struct in_addr *dst);

/* Whether s is an interface name Linux takes and nft rules can quote. */
int dc_valid_ifname(const char *s);

/* Whether every interface cfg names (outside_if, each honeypot's
 * inside_if, bridge_if in bridge mode) exists in the caller's network
 * namespace (run it inside the honeywall's); -1 and a message if not. */
int dc_config_check_interfaces(const struct dc_config *cfg, char *err,
			       size_t errlen);

/* The config keyword of a protocol class ("tcp"), and of a scale ("hour"). */
const char *dc_proto_name(enum dc_proto proto);
const char *dc_scale_name(enum dc_scale scale);

#endif
