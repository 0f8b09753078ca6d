// SPDX-License-Identifier: GPL-2.0
/* Where deployed honeypots keep their runtime state, lasting state and runs. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "deploy_paths.h"
#include "report.h"
#include "snprintf_fits.h"
#include "run_dir.h"

#define BRIDGE_MARK DEPLOY_RUN_DIR "/bridge-made"

int deploy_run_file(const char *name, const char *ext, char *buf, size_t len)
{
	return snprintf_fits(snprintf(buf, len, DEPLOY_RUN_DIR "/%s.%s", name, ext), len);
}

int deploy_state_dir(const char *name, char *buf, size_t len)
{
	return snprintf_fits(snprintf(buf, len, HN_STATE_DIR "/%s", name), len);
}

int deploy_archive_dir(const struct honeynet_conf *conf, const char *name,
		       char *buf, size_t len)
{
	return snprintf_fits(snprintf(buf, len, "%s/%s", conf->archive, name), len);
}

int deploy_run_dir_make(void)
{
	if (mkdir_parents(DEPLOY_RUN_DIR) < 0) {
		report_errno("%s", DEPLOY_RUN_DIR);
		return -1;
	}
	return 0;
}

int deploy_mark_bridge(const char *bridge)
{
	size_t len = strlen(bridge);
	int fd = open(BRIDGE_MARK, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || write(fd, bridge, len) != (ssize_t)len) {
		report_errno("%s", BRIDGE_MARK);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return close(fd);
}

int deploy_bridge_marked(const char *bridge)
{
	char buf[64] = "";
	int fd = open(BRIDGE_MARK, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	return n > 0 && strcmp(buf, bridge) == 0;
}

void deploy_unmark_bridge(void)
{
	if (unlink(BRIDGE_MARK) < 0 && errno != ENOENT)
		report_errno("%s", BRIDGE_MARK);
}
