// SPDX-License-Identifier: GPL-2.0
/* `honeynet check`: a honeynet.conf parsed and checked on this host, nothing changed. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "bytesize.h"
#include "check_cmd.h"
#include "honeynet_conf.h"
#include "report.h"

static void print_cpu(const struct hn_honeypot *h, char *buf, size_t len)
{
	if (h->cpu == HN_CPU_UNSET)
		snprintf(buf, len, "chosen by up");
	else if (h->cpu == HN_CPU_ANY)
		snprintf(buf, len, "any");
	else
		snprintf(buf, len, "%d", h->cpu);
}

static void print_budget(uint64_t budget, char *buf, size_t len)
{
	if (budget)
		bytesize_format(budget, buf, len);
	else
		snprintf(buf, len, "half the free space");
}

/* keep_days and keep_size: "runs kept forever, no size cap", "runs kept
 * 30 days, at most 5.0 GiB". */
static void print_keep(unsigned int days, uint64_t size, char *buf, size_t len)
{
	char n[16] = "forever", cap[32] = "no size cap";

	if (days)
		snprintf(n, sizeof(n), "%u day%s", days, days == 1 ? "" : "s");
	if (size) {
		strcpy(cap, "at most ");
		bytesize_format(size, cap + strlen(cap), sizeof(cap) - strlen(cap));
	}
	snprintf(buf, len, "runs kept %s, %s", n, cap);
}

/* Each line fits an 80-column terminal but for the paths in it. */
static void print_honeypot(const struct honeynet_conf *conf, size_t i)
{
	const struct hn_honeypot *h = &conf->honeypot[i];
	const struct dc_honeypot *a = &conf->dc.honeypot[i];
	char pub[INET_ADDRSTRLEN], in[INET_ADDRSTRLEN], cpu[16], budget[32], keep[80];

	inet_ntop(AF_INET, &a->public_addr, pub, sizeof(pub));
	inet_ntop(AF_INET, &a->internal_addr, in, sizeof(in));
	print_cpu(h, cpu, sizeof(cpu));
	print_budget(h->budget, budget, sizeof(budget));
	print_keep(h->keep_days, h->keep_size, keep, sizeof(keep));
	printf("honeypot %s: public %s", h->name, pub);
	if (a->has_internal)
		printf(", internal %s", in);
	printf(", tap %s\n", h->tap);
	printf("  hostname %s, nflog groups %u (logged) and %u (unlogged)\n",
	       h->hostname, a->nflog_group, a->unlogged_group);
	printf("  cpu %s, mem %u MiB, revert %s, jail uid %u\n", cpu, h->mem_mb,
	       hn_revert_name(h->revert), h->jail_uid);
	printf("  limits per %s: tcp %u, udp %u, icmp %u, other %u\n",
	       dc_scale_name(conf->dc.scale), h->limit[DC_PROTO_TCP],
	       h->limit[DC_PROTO_UDP], h->limit[DC_PROTO_ICMP],
	       h->limit[DC_PROTO_OTHER]);
	printf("  root_fs %s\n  persona %s\n", h->root_fs, h->persona);
	printf("  archive %s/%s, budget %s\n", conf->archive, h->name, budget);
	printf("  %s\n", keep);
}

int check_main(int argc, char *argv[])
{
	static struct honeynet_conf conf;
	const char *path = argc == 1 ? argv[0] : HN_CONF_PATH;
	char err[512], gateway[INET_ADDRSTRLEN];
	size_t i;

	if (argc > 1) {
		report("check: give at most one config file");
		return 2;
	}
	if (honeynet_conf_load(&conf, path, err, sizeof(err))) {
		report("%s", err);
		return 1;
	}
	printf("%s: good; %s mode, outside_if %s, %zu honeypot%s\n", path,
	       conf.dc.mode == DC_MODE_NAT ? "nat" : "bridge", conf.dc.outside_if,
	       conf.n_honeypots, conf.n_honeypots == 1 ? "" : "s");
	inet_ntop(AF_INET, &conf.gateway, gateway, sizeof(gateway));
	printf("gateway %s/%u, kernel %s\n", gateway, conf.prefix,
	       conf.kernel[0] ? conf.kernel : "the one beside honeynet");
	for (i = 0; i < conf.n_honeypots; i++)
		print_honeypot(&conf, i);
	if (fflush(stdout) == EOF) {
		report_errno("check: stdout");
		return 1;
	}
	return 0;
}
