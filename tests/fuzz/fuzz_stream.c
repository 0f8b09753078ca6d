/* Fuzz target: a hostile TTY stream through hostd's parser and archive writer, in chunks the input picks. */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "chunk.h"
#include "jsoncheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256];

static void clean(void);

/* Removes the scratch directory when the process exits. */
static void remove_dir(void)
{
	char path[sizeof(dir) + 8];

	clean();
	snprintf(path, sizeof(path), "%s/tty", dir);
	rmdir(path);
	rmdir(dir);
}

/* One scratch run directory per process, on tmpfs when there is one. */
static void setup(void)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	snprintf(dir, sizeof(dir), "%s/hostd-fuzz-XXXXXX", base);
	if (!mkdtemp(dir))
		abort();
	atexit(remove_dir);
}

/* Empties the run directory for the next input. */
static void clean(void)
{
	char path[sizeof(dir) + 300];
	struct dirent *d;
	DIR *t;

	snprintf(path, sizeof(path), "%s/tty", dir);
	t = opendir(path);
	while (t && (d = readdir(t))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/tty/%s", dir, d->d_name);
		unlink(path);
	}
	if (t)
		closedir(t);
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	unlink(path);
}

/* The oracle beyond "no crash": events.jsonl is whole lines, each one JSON
 * object of printable text (what hostd's escaping promises). */
static void check_events(void)
{
	static char buf[1 << 22];
	char path[512];
	int fd;
	ssize_t n, i, start = 0;

	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		abort();
	n = read(fd, buf, sizeof(buf));
	close(fd);
	for (i = 0; i < n; i++) {
		if (buf[i] != '\n')
			continue;
		if (!json_object_ok(buf + start, (size_t)(i - start)))
			abort();
		start = i + 1;
	}
	if (start != n)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct archive *a;
	uint32_t rng;
	unsigned int mode;
	size_t k;

	if (!dir[0])
		setup();
	if (size == 0)
		return 0;
	mode = data[0] & 7;
	rng = chunk_seed(data[0]);
	data++;
	size--;
	a = archive_open(dir, 1000);
	if (!a)
		abort();
	while (size > 0) {
		k = next_chunk(&rng, mode, size);
		archive_feed(a, data, k);
		data += k;
		size -= k;
	}
	if (archive_close(a, "fuzz") < 0)
		abort();
	free(a);
	check_events();
	clean();
	return 0;
}
