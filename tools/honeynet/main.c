// SPDX-License-Identifier: GPL-2.0
/* honeynet: runs a real host's honeypots or the self-contained lab, and checks their parts. */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "budget_policy.h"
#include "check_cmd.h"
#include "deploy_cmd.h"
#include "honeynet_conf.h"
#include "lab.h"
#include "lab_config.h"
#include "lab_defs.h"
#include "lab_watch.h"
#include "persona_cmd.h"
#include "report.h"
#include "ruleset_cmd.h"

static const char usage[] =
	"usage: honeynet [-c CONFIG] up [--foreground] [--timeout SECS] [NAME...]\n"
	"       honeynet [-c CONFIG] down\n"
	"       honeynet [-c CONFIG] status [NAME]\n"
	"       honeynet [-c CONFIG] restart [NAME]\n"
	"       honeynet [-c CONFIG] watch [NAME]\n"
	"       honeynet lab up [--mode nat|bridge] [--archive DIR] [--kernel FILE]\n"
	"                       [--rootfs FILE] [--mem MIB] [--timeout SECS]\n"
	"                       [--tty-log on|off] [--persona DIR]\n"
	"                       [--masquerade on|off] [--budget SIZE] [--jail on|off]\n"
	"                       [--cpu N|any]\n"
	"       honeynet lab run [same options as up]\n"
	"       honeynet lab watch [--archive DIR]\n"
	"       honeynet lab down\n"
	"       honeynet lab status\n"
	"       honeynet persona check DIR\n"
	"       honeynet persona make --from DIR --out OUT [--cpuinfo FILE]\n"
	"       honeynet ruleset CONFIG | nft -f -\n"
	"       honeynet ruleset --remove | nft -f -\n"
	"       honeynet check [CONFIG]\n"
	"\n"
	"The honeypots of CONFIG (default " HN_CONF_PATH "):\n"
	"up      loads the Data Control ruleset, makes each honeypot's tap and\n"
	"        starts its jailed guest under a supervisor that restarts a guest\n"
	"        that dies; returns once every sshd answers (--foreground: stays,\n"
	"        as the systemd unit runs it, and tells systemd when ready)\n"
	"down    powers every guest off cleanly and removes what up made (safe twice)\n"
	"status  each honeypot's state, uptime, run directory, sessions,\n"
	"        connections and archive size\n"
	"restart NAME: a clean poweroff and a new run; no NAME: down, then up\n"
	"watch   what attackers do, one line an event (80 columns), until Ctrl-C\n"
	"\n"
	"The lab (namespaces of its own, one guest):\n"
	"lab up  builds namespaces hn-inet and hn-wall, starts the guest, and\n"
	"        returns once its sshd answers on 203.0.113.10 from hn-inet\n"
	"lab run up, then shows the watch feed until Ctrl-C, then down; the guest\n"
	"        console stays in its file (run directory's console.log)\n"
	"lab watch what attackers do in the lab, one line an event (80 columns):\n"
	"        the newest run of DIR (default: the running lab's archive, else\n"
	"        lab up's default), from its start, until Ctrl-C\n"
	"lab down powers the guest off and removes the namespaces (safe twice)\n"
	"lab status says whether the lab is up and where its archive is\n"
	"persona check loads a /proc persona as the guest kernel would\n"
	"        make copies one into the new directory OUT with a cpuinfo\n"
	"        for one vCPU of this host's CPU (FILE, default /proc/cpuinfo)\n"
	"ruleset checks a honeywall config (see honeywall.conf.example) against\n"
	"        this host's interfaces and prints its nftables ruleset\n"
	"check   parses and checks a honeynet config (default " HN_CONF_PATH ",\n"
	"        see honeynet.conf.example) on this host, changing nothing, and\n"
	"        prints what it would run\n"
	"\n"
	"--budget SIZE: the most a run directory may hold, disk.cow included\n"
	"(bytes, or with K, M, G, T: powers of 1024; at least 1M). Default: half\n"
	"of the space free on the archive's filesystem. The capture gets half of\n"
	"it, then counts packets without writing them (capture.full); at the\n"
	"whole budget hostd pauses the guest. up refuses to start when the free\n"
	"space cannot hold the root_fs's size (disk.cow's worst case) plus the\n"
	"capture's half.\n"
	"\n"
	"Defaults: --kernel, --rootfs and --archive are linux, root_fs and\n"
	"archive/ beside this program's bin/ directory; --persona is the\n"
	"repository's rootfs/persona/proc; --mem 256; --timeout 180.\n"
	"The guest kernel always runs jailed (hostd(8) --jail-uid) as uid and gid\n"
	LAB_JAIL_UID "; --jail off (for benchmarks only) keeps that uid and drops\n"
	"the rest of the jail.\n"
	"--cpu N: the one host CPU of the guest kernel and all its host processes\n"
	"(hostd(8) --cpu; default: the last CPU; any: not pinned, for benchmarks).\n"
	"Exit status: 0 done; 1 failed or refused (the reason is on stderr);\n"
	"2 bad usage.\n";

_Static_assert(BUDGET_DEFAULT_FREE_DIV == 2 && BUDGET_CAPTURE_PCT == 50,
	       "the usage text says half and half: change it with the policy");

/* The directory this program lives in, so defaults follow the build tree. */
static int own_dir(char *buf, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n < 0) {
		report_errno("/proc/self/exe");
		return -1;
	}
	exe[n] = '\0';
	snprintf(buf, len, "%s", dirname(exe));
	return 0;
}

static int lab_main(int argc, char *argv[])
{
	struct lab_config cfg;
	char bindir[PATH_MAX], err[512];

	if (own_dir(bindir, sizeof(bindir)))
		return 1;
	if (argc >= 1 && strcmp(argv[0], "watch") == 0) {
		int rc = lab_watch_main(argc - 1, argv + 1, bindir);

		if (rc == 2)
			fputs(usage, stderr);
		return rc;
	}
	if (lab_config_parse(&cfg, argc, argv, bindir, err, sizeof(err))) {
		report("%s", err);
		fputs(usage, stderr);
		return 2;
	}
	switch (cfg.action) {
	case LAB_UP:
		return lab_up(&cfg) ? 1 : 0;
	case LAB_DOWN:
		return lab_down() ? 1 : 0;
	case LAB_RUN:
		return lab_run(&cfg) ? 1 : 0;
	case LAB_STATUS:
		return lab_status() ? 1 : 0;
	}
	return 1;
}

int main(int argc, char *argv[])
{
	const char *config = HN_CONF_PATH;

	report_prog = "honeynet";
	if (argc >= 3 && strcmp(argv[1], "-c") == 0) {
		config = argv[2];
		argv[2] = argv[0];
		argc -= 2;
		argv += 2;
	}
	if (argc >= 2 && deploy_is_cmd(argv[1])) {
		char bindir[PATH_MAX];

		if (own_dir(bindir, sizeof(bindir)))
			return 1;
		return deploy_main(argv[1], config, bindir, argc - 2, argv + 2);
	}
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
			  strcmp(argv[1], "--help") == 0)) {
		fputs(usage, stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "lab") == 0)
		return lab_main(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "persona") == 0)
		return persona_main(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "ruleset") == 0)
		return ruleset_main(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "check") == 0)
		return check_main(argc - 2, argv + 2);
	fputs(usage, stderr);
	return 2;
}
