/* SPDX-License-Identifier: GPL-2.0 */
/* The lab's one guest described as any guest is: its fixed names and what lab up was asked. */
#ifndef LAB_SPEC_H
#define LAB_SPEC_H

#include <limits.h>

#include "guest_start.h"
#include "lab_config.h"

struct lab_spec {
	struct guest_spec g;
	char disk_dir[PATH_MAX];	/* RUN/disk: each lab run boots a fresh COW */
};

/* Fills s for cfg and run_dir (cfg->budget set: lab up works it out
 * first); g points into s and cfg. -1 if a path does not fit. */
int lab_spec_make(struct lab_spec *s, const struct lab_config *cfg,
		  const char *run_dir);

#endif
