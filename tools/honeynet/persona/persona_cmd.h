/* SPDX-License-Identifier: GPL-2.0 */
/* `honeynet persona`: a persona checked, or made ready for one guest run. */
#ifndef PERSONA_CMD_H
#define PERSONA_CMD_H

/* The words after "persona"; returns the exit status. */
int persona_main(int argc, char *argv[]);

/*
 * Loads the persona in dir; -1 with "persona DIR/FILE:LINE: MSG" on
 * stderr if it does not load.
 */
int persona_check(const char *dir);

/*
 * Copies the persona from into the new directory out and writes
 * out/cpuinfo from the host's (cpuinfo, e.g. /proc/cpuinfo); from must
 * not mask cpuinfo itself. The result must load. -1 and a report if not.
 */
int persona_make(const char *from, const char *out, const char *cpuinfo);

#endif
