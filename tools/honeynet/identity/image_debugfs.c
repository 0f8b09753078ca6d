// SPDX-License-Identifier: GPL-2.0
/* Files put into and read out of an ext4 image with debugfs (e2fsprogs), without mounting it. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "image_debugfs.h"
#include "run_cmd.h"
#include "small_file.h"
#include "state_path.h"

/* A debugfs script being written. */
struct script {
	FILE *f;
	char *text;
	size_t len;
};

/*
 * debugfs splits its command lines at blanks and knows no quoting we could
 * rely on: such a path is refused rather than misread.
 */
int image_path_ok(const char *path)
{
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++) {
		if (*p <= ' ' || *p == '"' || *p == '\'' || *p == '\\' || *p == 0x7f)
			return identity_fail(path, "has a blank, quote or control character "
					     "that debugfs cannot take");
	}
	return 0;
}

static int script_open(struct script *sc, const char *work)
{
	sc->text = NULL;
	sc->f = open_memstream(&sc->text, &sc->len);
	if (!sc->f)
		return identity_fail_errno(work);
	return 0;
}

/*
 * Writes the script to work/name and runs it on image (read-write if rw),
 * then frees it. Quiet: debugfs reports on stderr and still exits 0 when a
 * command fails (the rm of a file that is not there), so its word is not
 * taken; the caller reads back what it did.
 */
static int script_run(struct script *sc, const char *work, const char *name,
		      const char *image, int rw)
{
	char path[PATH_MAX];
	const char *argv[6];
	int failed = ferror(sc->f), n = 0, rc = -1;

	if (fclose(sc->f) != 0 || failed) {
		identity_fail(work, "cannot compose a debugfs script");
		goto out_free;
	}
	if (state_path(path, sizeof(path), work, name) < 0)
		goto out_free;
	if (small_file_write(path, sc->text, sc->len, 0600) < 0) {
		identity_fail_errno(path);
		goto out_free;
	}
	argv[n++] = "debugfs";
	if (rw)
		argv[n++] = "-w";
	argv[n++] = "-f";
	argv[n++] = path;
	argv[n++] = image;
	argv[n] = NULL;
	if (run_cmd(argv, NULL, 1) < 0)
		identity_fail(image, "debugfs failed (e2fsprogs installed?)");
	else
		rc = 0;
out_free:
	free(sc->text);
	return rc;
}

int image_put(const char *image, const char *work, const struct image_put *puts, int n)
{
	struct script sc;
	int i;

	for (i = 0; i < n; i++) {
		if (image_path_ok(puts[i].src) < 0 || image_path_ok(puts[i].dest) < 0)
			return -1;
	}
	if (script_open(&sc, work) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		const struct image_put *p = &puts[i];

		fprintf(sc.f, "rm %s\nwrite %s %s\nsif %s mode 0%o\nsif %s uid 0\nsif %s gid 0\n",
			p->dest, p->src, p->dest, p->dest, (unsigned int)(S_IFREG | p->mode),
			p->dest, p->dest);
	}
	return script_run(&sc, work, "write.debugfs", image, 1);
}

int image_dump(const char *image, const char *work, const char *script,
	       const char *const *pairs, int n, int keep_owner)
{
	char path[PATH_MAX];
	struct script sc;
	int i;

	if (script_open(&sc, work) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (state_path(path, sizeof(path), work, pairs[2 * i + 1]) < 0 ||
		    image_path_ok(path) < 0 || image_path_ok(pairs[2 * i]) < 0) {
			fclose(sc.f);
			free(sc.text);
			return -1;
		}
		fprintf(sc.f, "dump %s%s %s\n", keep_owner ? "-p " : "", pairs[2 * i], path);
	}
	return script_run(&sc, work, script, image, 0);
}
