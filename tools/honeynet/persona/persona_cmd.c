// SPDX-License-Identifier: GPL-2.0
/* `honeynet persona`: a persona checked, or made ready for one guest run. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "persona.h"
#include "persona_cmd.h"
#include "persona_cpuinfo.h"
#include "report.h"
#include "run_cmd.h"
#include "write_all.h"

/* As the kernel says it when it refuses to boot: "persona DIR/FILE:LINE". */
static void report_persona(const char *dir, const struct persona_error *err)
{
	char msg[PERSONA_MSG_MAX + sizeof(err->file) + 16];

	if (strcmp(err->file, ".") == 0) {
		report("persona %s: %s", dir, err->msg);
		return;
	}
	persona_error_format(err, msg, sizeof(msg));
	report("persona %s/%s", dir, msg);
}

static struct persona *load(const char *dir)
{
	struct persona_error err;
	struct persona *p = persona_load(dir, &err);

	if (!p)
		report_persona(dir, &err);
	return p;
}

int persona_check(const char *dir)
{
	struct persona *p = load(dir);

	persona_free(p);
	return p ? 0 : -1;
}

static int check_main(const char *dir)
{
	unsigned int i, n[PERSONA_FILTER + 1] = { 0 };
	struct persona *p = load(dir);

	if (!p)
		return 1;
	for (i = 0; i < p->nentries; i++)
		n[p->entry[i].kind]++;
	printf("persona %s: %u entries: %u replaced, %u removed, %u filtered\n",
	       dir, p->nentries, n[PERSONA_REPLACE], n[PERSONA_REMOVE],
	       n[PERSONA_FILTER]);
	persona_free(p);
	return 0;
}

/* Reads the host's cpuinfo whole: it is a /proc file, so no size to trust. */
static ssize_t read_small(const char *path, char *buf, size_t cap)
{
	size_t len = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while (len < cap && (n = read(fd, buf + len, cap - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			return -1;
		}
		len += (size_t)n;
	}
	close(fd);
	return (ssize_t)len;
}

/* out/cpuinfo for one vCPU of the host's CPU, described in cpuinfo. */
static int write_cpuinfo(const char *out, const char *cpuinfo)
{
	static char host[1 << 20], guest[CPUINFO_MAX];
	char path[PATH_MAX], err[160];
	size_t done;
	ssize_t hlen;
	int glen, fd;

	hlen = read_small(cpuinfo, host, sizeof(host));
	if (hlen < 0) {
		report_errno("persona make: %s", cpuinfo);
		return -1;
	}
	glen = persona_cpuinfo(host, (size_t)hlen, guest, sizeof(guest), err,
			       sizeof(err));
	if (glen < 0) {
		report("persona make: %s: %s", cpuinfo, err);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/cpuinfo", out);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 || write_all(fd, guest, (size_t)glen, &done) < 0) {
		report_errno("persona make: %s", path);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		report_errno("persona make: %s", path);
		return -1;
	}
	return 0;
}

int persona_make(const char *from, const char *out, const char *cpuinfo)
{
	char src[PATH_MAX];
	const char *cp[] = { "cp", "-R", "--", src, out, NULL };
	struct persona *p = load(from);
	int own;

	if (!p)
		return -1;
	own = persona_find(p, "cpuinfo") != NULL;
	persona_free(p);
	if (own) {
		report("persona %s: masks cpuinfo, which 'persona make' writes from the host's; remove that file",
		       from);
		return -1;
	}
	if (snprintf(src, sizeof(src), "%s/.", from) >= (int)sizeof(src)) {
		report("persona %s: path too long", from);
		return -1;
	}
	if (mkdir(out, 0755) < 0) {
		if (errno == EEXIST)
			report("persona make: %s exists; give a new directory",
			       out);
		else
			report_errno("persona make: %s", out);
		return -1;
	}
	if (run_cmd(cp, NULL, 0) || write_cpuinfo(out, cpuinfo))
		return -1;
	return persona_check(out);
}

static int make_main(int argc, char *argv[])
{
	const char *from = NULL, *out = NULL, *cpuinfo = "/proc/cpuinfo";
	int i;

	for (i = 0; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--from") == 0)
			from = argv[i + 1];
		else if (strcmp(argv[i], "--out") == 0)
			out = argv[i + 1];
		else if (strcmp(argv[i], "--cpuinfo") == 0)
			cpuinfo = argv[i + 1];
		else
			break;
	}
	if (i != argc || !from || !out) {
		report("persona make: needs --from DIR --out OUT [--cpuinfo FILE]");
		return 2;
	}
	return persona_make(from, out, cpuinfo) ? 1 : 0;
}

int persona_main(int argc, char *argv[])
{
	if (argc == 2 && strcmp(argv[0], "check") == 0)
		return check_main(argv[1]) ? 1 : 0;
	if (argc >= 1 && strcmp(argv[0], "make") == 0)
		return make_main(argc - 1, argv + 1);
	report("persona: use 'persona check DIR' or 'persona make --from DIR --out OUT'");
	return 2;
}
