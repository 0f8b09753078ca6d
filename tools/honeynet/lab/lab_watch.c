// SPDX-License-Identifier: GPL-2.0
/* `honeynet lab watch [--archive DIR]`: the watch feed of the lab's archive. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "lab_defs.h"
#include "guest_state.h"
#include "lab_watch.h"
#include "report.h"
#include "watch_cmd.h"

/* The running lab's archive: its run directory's parent. 0, 1 if no lab is up, -1 on error. */
static int running_archive(char *out, size_t len)
{
	struct guest_state st;
	int loaded = guest_state_load(&st, LAB_STATE_FILE);
	char *slash;

	if (loaded != 1)
		return loaded < 0 ? -1 : 1;
	slash = strrchr(st.run_dir, '/');
	if (!slash || slash == st.run_dir) {
		report("%s: run directory %s has no parent", LAB_STATE_FILE, st.run_dir);
		return -1;
	}
	*slash = '\0';
	snprintf(out, len, "%s", st.run_dir);
	return 0;
}

int lab_watch_main(int argc, char *argv[], const char *bindir)
{
	struct watch_src src = { "lab", NULL };
	char archive[PATH_MAX];
	int r;

	if (argc == 2 && strcmp(argv[0], "--archive") == 0) {
		src.dir = argv[1];
		return watch_run(&src, 1);
	}
	if (argc != 0) {
		report("lab watch: takes only --archive DIR (%s)", argv[0]);
		return 2;
	}
	r = running_archive(archive, sizeof(archive));
	if (r < 0)
		return 1;
	if (r > 0 && snprintf(archive, sizeof(archive), "%s/archive", bindir) >=
	    (int)sizeof(archive)) {
		report("%s/archive: path too long", bindir);
		return 1;
	}
	src.dir = archive;
	return watch_run(&src, 1);
}
