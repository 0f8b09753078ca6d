// SPDX-License-Identifier: GPL-2.0
/* The capture and connection-event options: values checked, errors that say what was expected. */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hostd.h"
#include "netopts.h"
#include "parse_uint.h"

void netopts_init(struct netopts *n)
{
	memset(n, 0, sizeof(*n));
	n->rotate = HOSTD_ROTATE_DEFAULT;
	n->nflog = -1;
	n->nflog_unlogged = -1;
	n->limit[NF_TCP] = HOSTD_LIMIT_TCP;
	n->limit[NF_UDP] = HOSTD_LIMIT_UDP;
	n->limit[NF_ICMP] = HOSTD_LIMIT_ICMP;
	n->limit[NF_OTHER] = HOSTD_LIMIT_OTHER;
}

int netopts_rotate(struct netopts *n, const char *s, char *why, size_t whylen)
{
	if (parse_uint(s, HOSTD_ROTATE_MIN, HOSTD_ROTATE_MAX, &n->rotate) < 0) {
		snprintf(why, whylen, "--rotate %s: expected seconds, %d..%d", s,
			 HOSTD_ROTATE_MIN, HOSTD_ROTATE_MAX);
		return -1;
	}
	return 0;
}

/* The first k bytes of s as an NFLOG group. */
static int nflog_group(const char *s, size_t k, unsigned int *out)
{
	char buf[8];

	if (k >= sizeof(buf))
		return -1;
	memcpy(buf, s, k);
	buf[k] = '\0';
	return parse_uint(buf, 0, 65535, out);
}

int netopts_nflog(struct netopts *n, const char *s, char *why, size_t whylen)
{
	const char *comma = strchr(s, ',');
	unsigned int g, u = 0;
	int bad;

	bad = nflog_group(s, comma ? (size_t)(comma - s) : strlen(s), &g) < 0;
	if (!bad && comma)
		bad = nflog_group(comma + 1, strlen(comma + 1), &u) < 0 || u == g;
	if (bad) {
		snprintf(why, whylen, "--nflog %.64s: expected an NFLOG group, 0..65535, "
			 "optionally \",\" and another for the unlogged attempts", s);
		return -1;
	}
	n->nflog = (int)g;
	n->nflog_unlogged = comma ? (int)u : -1;
	return 0;
}

int netopts_capture(struct netopts *n, const char *s, char *why, size_t whylen)
{
	size_t len = strlen(s);

	if (!len || len >= IFNAMSIZ || strchr(s, '/') || strchr(s, ' ') || strchr(s, ':')) {
		snprintf(why, whylen, "--capture %s: expected an interface name of 1..%d characters "
			 "without '/', ':' or spaces", s, IFNAMSIZ - 1);
		return -1;
	}
	n->capture = s;
	return 0;
}

static int limit_item(struct netopts *n, const char *item, char *why, size_t whylen)
{
	static const char *const names[NF_NLIMITED] = { "tcp", "udp", "icmp", "other" };
	const char *eq = strchr(item, '=');
	size_t i, k;

	for (i = 0; eq && i < NF_NLIMITED; i++) {
		k = strlen(names[i]);
		if ((size_t)(eq - item) == k && !strncmp(item, names[i], k))
			break;
	}
	if (!eq || i == NF_NLIMITED) {
		snprintf(why, whylen, "--limits: \"%s\": expected tcp=N, udp=N, icmp=N or other=N", item);
		return -1;
	}
	if (parse_uint(eq + 1, 1, HOSTD_LIMIT_MAX, &n->limit[i]) < 0) {
		snprintf(why, whylen, "--limits: \"%s\": expected a limit of 1..%d", item, HOSTD_LIMIT_MAX);
		return -1;
	}
	return 0;
}

int netopts_limits(struct netopts *n, const char *s, char *why, size_t whylen)
{
	char buf[128], *item, *save = NULL;
	struct netopts tmp = *n;

	if (!*s || strlen(s) >= sizeof(buf) || s[strlen(s) - 1] == ',' || strstr(s, ",,") || *s == ',') {
		snprintf(why, whylen, "--limits %.64s: expected tcp=N,udp=N,icmp=N,other=N (any of them)", s);
		return -1;
	}
	memcpy(buf, s, strlen(s) + 1);
	for (item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save))
		if (limit_item(&tmp, item, why, whylen) < 0)
			return -1;
	*n = tmp;
	return 0;
}
