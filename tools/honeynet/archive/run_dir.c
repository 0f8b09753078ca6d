// SPDX-License-Identifier: GPL-2.0
/* One directory per guest run under the archive: ARCHIVE/<UTC start>-<run id>. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>

#include "report.h"
#include "run_dir.h"

int run_dir_name(time_t start, uint32_t run_id, char *buf, size_t len)
{
	char stamp[32];
	struct tm tm;
	int n;

	if (!gmtime_r(&start, &tm) ||
	    strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm) == 0)
		return -1;
	n = snprintf(buf, len, "%s-%08x", stamp, run_id);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

int run_dir_name_ok(const char *name)
{
	static const char shape[] = "ddddddddTddddddZ-xxxxxxxx";
	size_t i;

	_Static_assert(sizeof(shape) - 1 == RUN_DIR_NAME_LEN, "the shape is a run name's");
	for (i = 0; i < RUN_DIR_NAME_LEN; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)name[i]) :
		    shape[i] == 'x' ? !isxdigit((unsigned char)name[i]) || isupper((unsigned char)name[i]) :
		    name[i] != shape[i])
			return 0;
	}
	return name[i] == '\0';
}

int mkdir_parents(const char *path)
{
	char buf[PATH_MAX];
	size_t len = strlen(path);
	size_t i;

	if (len == 0 || len >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, len + 1);
	for (i = 1; i <= len; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0750) < 0 && errno != EEXIST)
			return -1;
		buf[i] = path[i];
	}
	return 0;
}

int run_dir_create(const char *archive, char *out, size_t outlen)
{
	char name[64];
	uint32_t id;
	int n;

	if (mkdir_parents(archive) < 0) {
		report_errno("archive %s", archive);
		return -1;
	}
	if (getrandom(&id, sizeof(id), 0) != (ssize_t)sizeof(id)) {
		report_errno("archive %s: no random run id", archive);
		return -1;
	}
	if (run_dir_name(time(NULL), id, name, sizeof(name))) {
		report("archive %s: cannot name the run directory", archive);
		return -1;
	}
	n = snprintf(out, outlen, "%s/%s", archive, name);
	if (n < 0 || (size_t)n >= outlen) {
		report("archive %s: path too long", archive);
		return -1;
	}
	if (mkdir(out, 0750) < 0) {
		report_errno("archive %s", out);
		return -1;
	}
	return 0;
}
