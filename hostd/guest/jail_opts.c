// SPDX-License-Identifier: GPL-2.0
/* The jail's options (--jail, --jail-uid, --jail-ro, --jail-rw, --jail-limits) and the limits derived from mem=. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_pin.h"
#include "hostd.h"
#include "jail_opts.h"
#include "parse_uint.h"

#define MIB (1ULL << 20)

void jail_opts_init(struct jail *j)
{
	memset(j, 0, sizeof(*j));
	j->on = 1;
	j->cpu = CPU_PIN_AUTO;
	j->uid = HOSTD_JAIL_UID;
	j->gid = HOSTD_JAIL_UID;
}

int jail_opt_mode(struct jail *j, const char *s, char *why, size_t whylen)
{
	if (strcmp(s, "on") && strcmp(s, "off")) {
		snprintf(why, whylen, "--jail %s: expected on or off", s);
		return -1;
	}
	j->on = strcmp(s, "on") == 0;
	return 0;
}

int jail_opt_uid(struct jail *j, const char *s, char *why, size_t whylen)
{
	unsigned int v;

	/* Below 1000 are Debian's system accounts; 65534 is nobody; above, userns ranges. */
	if (parse_uint(s, 1000, 65533, &v) < 0) {
		snprintf(why, whylen, "--jail-uid %s: expected 1000..65533 (uid and gid)", s);
		return -1;
	}
	j->uid = j->gid = v;
	return 0;
}

/* "256M", "1G", "4096": a size in bytes, at most 1 TiB. */
static int parse_size(const char *s, uint64_t *out)
{
	unsigned long long v, mul = 1;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	if (*end == 'K' || *end == 'k')
		mul = 1ULL << 10;
	else if (*end == 'M' || *end == 'm')
		mul = 1ULL << 20;
	else if (*end == 'G' || *end == 'g')
		mul = 1ULL << 30;
	if (mul > 1)
		end++;
	if (*end || v == 0 || v > (1ULL << 40) / mul)
		return -1;
	*out = v * mul;
	return 0;
}

static int limit_item(struct jail *j, const char *item, char *why, size_t whylen)
{
	unsigned int v;

	if (strncmp(item, "mem=", 4) == 0 && parse_size(item + 4, &j->lim.mem_bytes) == 0 &&
	    j->lim.mem_bytes >= 64 * MIB)
		return 0;
	if (strncmp(item, "pids=", 5) == 0 && parse_uint(item + 5, 16, 1000000, &v) == 0) {
		j->lim.pids = v;
		return 0;
	}
	if (strncmp(item, "cpu=", 4) == 0 && parse_uint(item + 4, 1, 10000, &v) == 0) {
		j->lim.cpu_pct = v;
		return 0;
	}
	snprintf(why, whylen, "--jail-limits %s: expected mem=SIZE (at least 64M), "
		 "pids=16..1000000 or cpu=1..10000 (percent of one CPU)", item);
	return -1;
}

int jail_opt_limits(struct jail *j, const char *s, char *why, size_t whylen)
{
	char buf[256], *item, *save = NULL;

	if (strlen(s) >= sizeof(buf)) {
		snprintf(why, whylen, "--jail-limits: longer than %zu characters", sizeof(buf) - 1);
		return -1;
	}
	strcpy(buf, s);
	for (item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save))
		if (limit_item(j, item, why, whylen) < 0)
			return -1;
	return 0;
}

/* The last mem= on the kernel's command line, as UML takes it. */
static int guest_mem(char *const *kargv, uint64_t *mem, char *why, size_t whylen)
{
	int i;

	*mem = (uint64_t)HOSTD_GUEST_MEM_MB * MIB;
	for (i = 1; kargv[i]; i++) {
		if (strncmp(kargv[i], "mem=", 4))
			continue;
		if (parse_size(kargv[i] + 4, mem) < 0) {
			snprintf(why, whylen, "%s: expected a size such as 256M", kargv[i]);
			return -1;
		}
	}
	return 0;
}

int jail_derive_limits(struct jail *j, char *const *kargv, uint64_t rootfs_size,
		       char *why, size_t whylen)
{
	uint64_t mem;

	if (guest_mem(kargv, &mem, why, whylen) < 0)
		return -1;
	j->tmp_bytes = mem + HOSTD_JAIL_TMP_EXTRA_MB * MIB;
	if (!j->lim.mem_bytes)
		j->lim.mem_bytes = j->tmp_bytes + HOSTD_JAIL_MEM_EXTRA_MB * MIB;
	if (!j->lim.pids)
		j->lim.pids = HOSTD_JAIL_PIDS;
	if (!j->lim.cpu_pct)
		j->lim.cpu_pct = HOSTD_JAIL_CPU_PCT;
	j->fsize = rootfs_size ? rootfs_size + HOSTD_JAIL_FSIZE_EXTRA : HOSTD_JAIL_FSIZE_DEFAULT;
	if (j->fsize < mem + HOSTD_JAIL_MEMFILE_GAP)
		j->fsize = mem + HOSTD_JAIL_MEMFILE_GAP;
	return 0;
}
