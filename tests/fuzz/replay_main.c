// SPDX-License-Identifier: GPL-2.0
/* Replays every file of the fuzz corpus through the fuzz target (under ASan/UBSan in make check). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus tests/run replays (from the repo root): each target names its own. */
extern const char fuzz_corpus[];

/* Files larger than this are not fuzz inputs: a broken corpus, said as a failure. */
#define REPLAY_MAX (1 << 20)

static int replay(const char *path)
{
	static unsigned char buf[REPLAY_MAX];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	if (n == sizeof(buf))
		return -1;
	return LLVMFuzzerTestOneInput(buf, n);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOSTD_FUZZ_CORPUS");
	unsigned int checks = 0, failures = 0;
	char path[4096];
	struct dirent *d;
	DIR *dp;

	if (!dir)
		dir = fuzz_corpus;
	dp = opendir(dir);
	if (!dp) {
		perror(dir);
		printf("0%%: Checks: 1, Failures: 1, Errors: 0\n");
		return 1;
	}
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		checks++;
		if (replay(path) != 0) {
			printf("%s: could not replay\n", path);
			failures++;
		}
	}
	closedir(dp);
	if (!checks) {
		printf("%s: empty corpus\n0%%: Checks: 1, Failures: 1, Errors: 0\n", dir);
		return 1;
	}
	printf("%u%%: Checks: %u, Failures: %u, Errors: 0\n",
	       (checks - failures) * 100 / checks, checks, failures);
	return failures != 0;
}
