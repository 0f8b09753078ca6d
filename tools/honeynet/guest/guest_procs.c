// SPDX-License-Identifier: GPL-2.0
/* What a guest's host processes are doing, for a guest that does not answer. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "guest_procs.h"

/* The stack frames shown for each process. */
#define STACK_FRAMES 6

/* Copies /proc/PID/NAME's first line into buf (empty if unreadable). */
static void proc_line(const char *pid, const char *name, char *buf, int len)
{
	char path[300];
	FILE *f;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%s/%s", pid, name);
	f = fopen(path, "re");
	if (!f)
		return;
	if (fgets(buf, len, f))
		buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* The value of a "Key:\tvalue" line of /proc/PID/status, first word only, cut to len. */
static int status_field(const char *pid, const char *key, char *buf, size_t len)
{
	char path[300], line[256];
	size_t klen = strlen(key), n;
	const char *v;
	FILE *f;
	int found = 0;

	if (len == 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/%s/status", pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, klen) != 0 || line[klen] != ':')
			continue;
		v = line + klen + 1 + strspn(line + klen + 1, " \t");
		n = strcspn(v, " \t\n");
		if (n >= len)
			n = len - 1;
		memcpy(buf, v, n);
		buf[n] = '\0';
		found = 1;
	}
	fclose(f);
	return found;
}

static void show_stack(const char *pid)
{
	char path[300], line[256];
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/proc/%s/stack", pid);
	f = fopen(path, "re");
	if (!f)
		return;
	for (i = 0; i < STACK_FRAMES && fgets(line, sizeof(line), f); i++)
		fprintf(stderr, "      %s", line);
	fclose(f);
}

void guest_show_procs(unsigned int uid)
{
	char want[16], uidv[64], state[64], comm[64], wchan[64];
	struct dirent *de;
	DIR *proc = opendir("/proc");

	if (!proc)
		return;
	snprintf(want, sizeof(want), "%u", uid);
	fprintf(stderr, "--- the guest's host processes (uid %u) ---\n", uid);
	while ((de = readdir(proc))) {
		if (!isdigit((unsigned char)de->d_name[0]) ||
		    !status_field(de->d_name, "Uid", uidv, sizeof(uidv)) || strcmp(uidv, want))
			continue;
		if (!status_field(de->d_name, "State", state, sizeof(state)))
			state[0] = '\0';
		proc_line(de->d_name, "comm", comm, sizeof(comm));
		proc_line(de->d_name, "wchan", wchan, sizeof(wchan));
		fprintf(stderr, "  %s %s state %s wchan %s\n", de->d_name, comm, state,
			wchan[0] ? wchan : "-");
		show_stack(de->d_name);
	}
	closedir(proc);
	fprintf(stderr, "---\n");
}
