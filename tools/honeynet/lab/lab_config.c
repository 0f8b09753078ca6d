// SPDX-License-Identifier: GPL-2.0
/* What `honeynet lab` was asked to do, parsed and checked from its arguments. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget_policy.h"
#include "bytesize.h"
#include "install_paths.h"
#include "lab_config.h"
#include "parse_uint.h"
#include "lab_defs.h"

static int set_path(char *dst, const char *src, const char *what, char *err,
		    size_t errlen)
{
	size_t n = strlen(src);

	if (n == 0 || n >= PATH_MAX) {
		snprintf(err, errlen, "%s: a path of 1 to %d bytes is needed",
			 what, PATH_MAX - 1);
		return -1;
	}
	memcpy(dst, src, n + 1);
	return 0;
}

static void bindir_error(const char *bindir, char *err, size_t errlen)
{
	if (errno == ENAMETOOLONG)
		snprintf(err, errlen, "program directory path too long (%zu bytes)",
			 strlen(bindir));
	else
		snprintf(err, errlen, "program directory %s: %s", bindir, strerror(errno));
}

/* hostd, the kernel, root_fs and persona where this program's tree has them
 * (install_paths.h); the archive beside the build directory. */
static int set_paths(struct lab_config *cfg, const char *bindir, char *err,
		     size_t errlen)
{
	struct install_paths p;
	int n;

	_Static_assert(sizeof(cfg->hostd) == sizeof(p.hostd) &&
		       sizeof(cfg->kernel) == sizeof(p.kernel) &&
		       sizeof(cfg->rootfs) == sizeof(p.root_fs) &&
		       sizeof(cfg->persona) == sizeof(p.persona),
		       "install_paths fills lab_config's paths whole");
	if (install_paths_find(&p, bindir)) {
		bindir_error(bindir, err, errlen);
		return -1;
	}
	memcpy(cfg->hostd, p.hostd, sizeof(cfg->hostd));
	memcpy(cfg->kernel, p.kernel, sizeof(cfg->kernel));
	memcpy(cfg->rootfs, p.root_fs, sizeof(cfg->rootfs));
	memcpy(cfg->persona, p.persona, sizeof(cfg->persona));
	n = snprintf(cfg->archive, sizeof(cfg->archive), "%s/../archive", bindir);
	if (n < 0 || (size_t)n >= sizeof(cfg->archive)) {
		errno = ENAMETOOLONG;
		bindir_error(bindir, err, errlen);
		return -1;
	}
	return 0;
}

static int parse_action(struct lab_config *cfg, const char *word, char *err,
			size_t errlen)
{
	static const struct {
		const char *name;
		enum lab_action action;
	} actions[] = {
		{ "up", LAB_UP },
		{ "down", LAB_DOWN },
		{ "run", LAB_RUN },
		{ "status", LAB_STATUS },
	};
	size_t i;

	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
		if (strcmp(word, actions[i].name) == 0) {
			cfg->action = actions[i].action;
			return 0;
		}
	}
	snprintf(err, errlen, "lab %s: unknown action; use up, down, run or status",
		 word);
	return -1;
}

static int parse_mode(struct lab_config *cfg, const char *v, char *err,
		      size_t errlen)
{
	if (strcmp(v, "nat") == 0) {
		cfg->mode = LAB_MODE_NAT;
		return 0;
	}
	if (strcmp(v, "bridge") == 0) {
		cfg->mode = LAB_MODE_BRIDGE;
		return 0;
	}
	snprintf(err, errlen, "--mode %s: unknown mode; use nat or bridge", v);
	return -1;
}

static int parse_on_off(int *flag, const char *opt, const char *v, char *err,
			size_t errlen)
{
	if (strcmp(v, "on") == 0 || strcmp(v, "off") == 0) {
		*flag = strcmp(v, "on") == 0;
		return 0;
	}
	snprintf(err, errlen, "%s %s: use on or off", opt, v);
	return -1;
}

/* hostd(8) --cpu: a CPU number, checked against the host's CPUs by hostd, or any. */
static int parse_cpu(struct lab_config *cfg, const char *v, char *err, size_t errlen)
{
	unsigned int n;

	if (strcmp(v, "any") == 0 || parse_uint(v, 0, LAB_CPU_MAX, &n) == 0) {
		snprintf(cfg->cpu, sizeof(cfg->cpu), "%s", v);
		return 0;
	}
	snprintf(err, errlen, "--cpu %s: need a CPU number from 0 to %d, or any", v, LAB_CPU_MAX);
	return -1;
}

static int parse_option(struct lab_config *cfg, const char *opt, const char *v,
			char *err, size_t errlen)
{
	if (strcmp(opt, "--mode") == 0)
		return parse_mode(cfg, v, err, errlen);
	if (strcmp(opt, "--kernel") == 0)
		return set_path(cfg->kernel, v, opt, err, errlen);
	if (strcmp(opt, "--rootfs") == 0)
		return set_path(cfg->rootfs, v, opt, err, errlen);
	if (strcmp(opt, "--archive") == 0)
		return set_path(cfg->archive, v, opt, err, errlen);
	if (strcmp(opt, "--persona") == 0)
		return set_path(cfg->persona, v, opt, err, errlen);
	if (strcmp(opt, "--tty-log") == 0)
		return parse_on_off(&cfg->tty_log, opt, v, err, errlen);
	if (strcmp(opt, "--masquerade") == 0)
		return parse_on_off(&cfg->masquerade, opt, v, err, errlen);
	if (strcmp(opt, "--jail") == 0)
		return parse_on_off(&cfg->jail, opt, v, err, errlen);
	if (strcmp(opt, "--mem") == 0) {
		if (parse_uint(v, LAB_MEM_MIN, LAB_MEM_MAX, &cfg->mem_mb) == 0)
			return 0;
		snprintf(err, errlen, "--mem %s: need MiB from %d to %d", v,
			 LAB_MEM_MIN, LAB_MEM_MAX);
		return -1;
	}
	if (strcmp(opt, "--budget") == 0) {
		if (bytesize_parse(v, BUDGET_MIN, BUDGET_MAX, &cfg->budget) == 0)
			return 0;
		snprintf(err, errlen, "--budget %s: need bytes, or a number with K, M, G or T "
			 "(powers of 1024), at least 1M", v);
		return -1;
	}
	if (strcmp(opt, "--cpu") == 0)
		return parse_cpu(cfg, v, err, errlen);
	if (strcmp(opt, "--timeout") == 0) {
		if (parse_uint(v, 1, LAB_BOOT_TIMEOUT_MAX, &cfg->boot_timeout) == 0)
			return 0;
		snprintf(err, errlen, "--timeout %s: need seconds from 1 to %d",
			 v, LAB_BOOT_TIMEOUT_MAX);
		return -1;
	}
	snprintf(err, errlen, "%s: unknown option", opt);
	return -1;
}

static int set_defaults(struct lab_config *cfg, const char *bindir, char *err,
			size_t errlen)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->mode = LAB_MODE_NAT;
	cfg->mem_mb = LAB_MEM_DEFAULT;
	cfg->boot_timeout = LAB_BOOT_TIMEOUT_DEFAULT;
	cfg->tty_log = 1;
	cfg->masquerade = 1;
	cfg->jail = 1;
	return set_paths(cfg, bindir, err, errlen);
}

int lab_config_parse(struct lab_config *cfg, int argc, char *const argv[],
		     const char *bindir, char *err, size_t errlen)
{
	int i;

	if (set_defaults(cfg, bindir, err, errlen))
		return -1;
	if (argc < 1) {
		snprintf(err, errlen, "lab: an action is needed: up, down, run or status");
		return -1;
	}
	if (parse_action(cfg, argv[0], err, errlen))
		return -1;
	for (i = 1; i < argc; i++) {
		if (cfg->action == LAB_DOWN || cfg->action == LAB_STATUS) {
			snprintf(err, errlen, "lab %s: takes no options (%s)",
				 argv[0], argv[i]);
			return -1;
		}
		if (i + 1 >= argc) {
			snprintf(err, errlen, "%s: needs a value", argv[i]);
			return -1;
		}
		if (parse_option(cfg, argv[i], argv[i + 1], err, errlen))
			return -1;
		i++;
	}
	return 0;
}
