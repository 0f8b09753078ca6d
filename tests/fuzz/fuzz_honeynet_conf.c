// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: honeynet.conf and honeywall.conf parsing of any text, against the promises each makes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "honeynet_conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus-honeynet-conf";

#define CHECK(c) do { if (!(c)) abort(); } while (0)

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
	for (i = 0; i < conf->n_honeypots; i++) {
		const struct hn_honeypot *h = &conf->honeypot[i];

		CHECK(h->name[0] != '\0' && strlen(h->name) <= HN_NAME_MAX);
		CHECK(strspn(h->name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(h->name));
		CHECK(dc_valid_ifname(h->tap) && strcmp(h->tap, conf->dc.outside_if));
		CHECK(h->root_fs[0] == '/' && h->persona[0] == '/');
		CHECK(h->mem_mb >= 64 && h->mem_mb <= 4096 && h->jail_uid >= HN_JAIL_UID_MIN);
		CHECK((conf->dc.mode == DC_MODE_NAT) == conf->dc.honeypot[i].has_internal);
		for (j = 0; j < i; j++) {
			const struct hn_honeypot *o = &conf->honeypot[j];

			CHECK(strcmp(o->name, h->name) && strcmp(o->tap, h->tap));
			CHECK(o->jail_uid != h->jail_uid && (h->cpu < 0 || o->cpu != h->cpu));
			CHECK(conf->dc.honeypot[i].public_addr.s_addr !=
			      conf->dc.honeypot[j].public_addr.s_addr);
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
	if (dc_config_parse(&wall, text, err, sizeof(err)) == 0)
		CHECK(wall.n_honeypots >= 1 && wall.outside_if[0] != '\0');
	else
		CHECK(err[0] != '\0');
	free(text);
	return 0;
}
