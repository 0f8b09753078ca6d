// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: honeynet.conf and honeywall.conf parsing of any text, against the promises each makes. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "honeynet_conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus-honeynet-conf";

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static int valid_hostname(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= HN_HOSTNAME_MAX && s[0] != '-' && s[n - 1] != '-' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* The honeypot's own Data Control: its tap and limits as its section's,
 * two groups that differ, its address on the gateway's link and none of
 * its addresses the gateway. */
static void check_dc(const struct honeynet_conf *conf, size_t i)
{
	const struct hn_honeypot *h = &conf->honeypot[i];
	const struct dc_honeypot *d = &conf->dc.honeypot[i];
	struct in_addr own = d->has_internal ? d->internal_addr : d->public_addr;
	uint32_t mask = htonl(~0U << (32 - conf->prefix));

	CHECK(strcmp(d->inside_if, h->tap) == 0);
	CHECK(memcmp(d->limit, h->limit, sizeof(d->limit)) == 0);
	CHECK(d->nflog_group != d->unlogged_group);
	CHECK(d->nflog_group <= DC_GROUP_MAX && d->unlogged_group <= DC_GROUP_MAX);
	CHECK(d->public_addr.s_addr != conf->gateway.s_addr &&
	      own.s_addr != conf->gateway.s_addr);
	CHECK(((own.s_addr ^ conf->gateway.s_addr) & mask) == 0);
	CHECK(valid_hostname(h->hostname));
	CHECK(h->keep_days <= HN_KEEP_DAYS_MAX);
}

/* No NFLOG group of honeypot i is one of honeypot j's. */
static void check_groups_apart(const struct dc_honeypot *a, const struct dc_honeypot *b)
{
	CHECK(a->nflog_group != b->nflog_group && a->nflog_group != b->unlogged_group);
	CHECK(a->unlogged_group != b->nflog_group && a->unlogged_group != b->unlogged_group);
}

/*
 * The input is a config's text (cut at its first NUL, as a file with one
 * is refused before parsing). The operator writes it, not the guest, but
 * the parser must hold for any text: a refusal is one message that starts
 * with the file's name; an accepted config keeps every promise the header
 * makes, so nothing after it needs to check again.
 */
static void check_accepted(const struct honeynet_conf *conf)
{
	size_t i, j;

	CHECK(conf->n_honeypots >= 1 && conf->n_honeypots <= DC_MAX_HONEYPOTS);
	CHECK(conf->n_honeypots == conf->dc.n_honeypots);
	CHECK(conf->archive[0] == '/' && conf->dc.outside_if[0] != '\0');
	CHECK(conf->kernel[0] == '\0' || conf->kernel[0] == '/');
	CHECK(conf->prefix >= HN_PREFIX_MIN && conf->prefix <= HN_PREFIX_MAX);
	CHECK(conf->keep_days <= HN_KEEP_DAYS_MAX);
	for (i = 0; i < conf->n_honeypots; i++) {
		const struct hn_honeypot *h = &conf->honeypot[i];

		CHECK(h->name[0] != '\0' && strlen(h->name) <= HN_NAME_MAX);
		CHECK(strspn(h->name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(h->name));
		CHECK(dc_valid_ifname(h->tap) && strcmp(h->tap, conf->dc.outside_if));
		CHECK(h->root_fs[0] == '/' && h->persona[0] == '/');
		CHECK(h->mem_mb >= 64 && h->mem_mb <= 4096 && h->jail_uid >= HN_JAIL_UID_MIN);
		CHECK((conf->dc.mode == DC_MODE_NAT) == conf->dc.honeypot[i].has_internal);
		check_dc(conf, i);
		for (j = 0; j < i; j++) {
			const struct hn_honeypot *o = &conf->honeypot[j];

			CHECK(strcmp(o->name, h->name) && strcmp(o->tap, h->tap));
			CHECK(o->jail_uid != h->jail_uid && (h->cpu < 0 || o->cpu != h->cpu));
			CHECK(conf->dc.honeypot[i].public_addr.s_addr !=
			      conf->dc.honeypot[j].public_addr.s_addr);
			check_groups_apart(&conf->dc.honeypot[i], &conf->dc.honeypot[j]);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct honeynet_conf conf;
	static struct dc_config wall;
	char err[256];
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (honeynet_conf_parse(&conf, "f.conf", text, err, sizeof(err)) == 0)
		check_accepted(&conf);
	else
		CHECK(strncmp(err, "f.conf", 6) == 0 && memchr(err, '\0', sizeof(err)));
	if (dc_config_parse(&wall, text, err, sizeof(err)) == 0) {
		CHECK(wall.n_honeypots >= 1 && wall.outside_if[0] != '\0');
		CHECK(strcmp(wall.honeypot[wall.n_honeypots - 1].inside_if, wall.inside_if) == 0);
	}
	else
		CHECK(err[0] != '\0');
	free(text);
	return 0;
}
