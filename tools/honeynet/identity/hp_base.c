// SPDX-License-Identifier: GPL-2.0
/* A honeypot's base image: a sparse copy of the pristine root_fs with its identity written in. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dir_tree.h"
#include "hosts_rename.h"
#include "hp_base.h"
#include "identity_files.h"
#include "image_debugfs.h"
#include "small_file.h"
#include "sparse_copy.h"
#include "state_path.h"

/* Larger than any file we put in or read back (a key, /etc/hosts). */
#define BASE_FILE_MAX 65536
/* The identity and /etc/hosts. */
#define BASE_PUT_MAX (IDENTITY_FILES + 1)

/* The paths of one (re)making: the image being made and a scratch directory. */
struct making {
	const char *state_dir;
	char tmp[PATH_MAX];	/* root_fs.tmp: renamed to root_fs once it holds the identity */
	char work[PATH_MAX];	/* base.work: scripts, and files read out of the image */
	char src[BASE_PUT_MAX][PATH_MAX];	/* put[i].src */
	struct image_put put[BASE_PUT_MAX];
	int nput;
};

/*
 * What root_fs was when the base was made; UML's COW header records its
 * backing file the same way, by mtime and size. Read from the open file,
 * so the record describes exactly what was copied.
 */
static int source_record(int fd, const char *root_fs, char *buf, size_t len)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return identity_fail_errno(root_fs);
	if (!S_ISREG(st.st_mode))
		return identity_fail(root_fs, "not a regular file");
	snprintf(buf, len, "dev %ju ino %ju size %jd mtime %jd.%09ld\n",
		 (uintmax_t)st.st_dev, (uintmax_t)st.st_ino, (intmax_t)st.st_size,
		 (intmax_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	return 0;
}

/* Whether the base exists and was made from root_fs as it is now. */
static int base_current(const char *base, const char *record_path, const char *record)
{
	char old[256];
	struct stat st;
	size_t n;

	if (lstat(base, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	if (small_file_read(record_path, old, sizeof(old), &n) < 0)
		return 0;
	return strcmp(old, record) == 0;
}

static int copy_source(struct making *m, int src, const char *root_fs)
{
	char why[PATH_MAX + 64];
	int fd;

	if (unlink(m->tmp) < 0 && errno != ENOENT)
		return identity_fail_errno(m->tmp);
	/* 0644: the jailed guest kernel opens its backing file as the jail's
	 * uid, through a bind; the 0700 state directory keeps others out. */
	fd = open(m->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return identity_fail_errno(m->tmp);
	if (fchmod(fd, 0644) < 0 || sparse_copy(src, fd) < 0 || fsync(fd) < 0) {
		snprintf(why, sizeof(why), "copy of %s: %s", root_fs, strerror(errno));
		close(fd);
		return identity_fail(m->tmp, why);
	}
	if (close(fd) < 0)
		return identity_fail_errno(m->tmp);
	return 0;
}

static int read_work(struct making *m, const char *name, char *buf, size_t len, size_t *n)
{
	char path[PATH_MAX];

	if (state_path(path, sizeof(path), m->work, name) < 0)
		return -1;
	return small_file_read(path, buf, len, n);
}

static int put_add(struct making *m, const char *src_dir, const char *name, const char *dest,
		   mode_t mode)
{
	struct image_put *p = &m->put[m->nput];

	if (state_path(m->src[m->nput], sizeof(m->src[m->nput]), src_dir, name) < 0)
		return -1;
	p->src = m->src[m->nput];
	p->dest = dest;
	p->mode = mode;
	m->nput++;
	return 0;
}

/*
 * The image's 127.0.1.1 line names the hostname it was built with; a
 * honeypot whose /etc/hosts disagrees with its hostname is one tell an
 * attacker could read. Rewritten only if the image has both files.
 */
static int hosts_prepare(struct making *m, const char *hostname)
{
	static const char *const dumps[] = { "/etc/hostname", "old-hostname",
					     "/etc/hosts", "old-hosts" };
	char old[256], hosts[BASE_FILE_MAX], renamed[BASE_FILE_MAX], path[PATH_MAX];
	size_t n;
	int rc;

	if (image_dump(m->tmp, m->work, "read.debugfs", dumps, 2, 0) < 0)
		return -1;
	if (read_work(m, "old-hostname", old, sizeof(old), &n) < 0 ||
	    read_work(m, "old-hosts", hosts, sizeof(hosts), &n) < 0) {
		if (errno == ENOENT)
			return 0;
		return identity_fail_errno(m->tmp);
	}
	old[strcspn(old, " \t\r\n")] = '\0';
	rc = hosts_rename(hosts, old, hostname, renamed, sizeof(renamed));
	if (rc <= 0)
		return rc;
	if (state_path(path, sizeof(path), m->work, "hosts") < 0)
		return -1;
	if (small_file_write(path, renamed, strlen(renamed), 0644) < 0)
		return identity_fail_errno(path);
	return put_add(m, m->work, "hosts", "/etc/hosts", 0644);
}

/* Whether the copy read back as check-N holds put's bytes, root's, with its mode. */
static const char *put_wrong(struct making *m, const struct image_put *p, int i)
{
	char want[BASE_FILE_MAX], got[BASE_FILE_MAX];
	char name[32], path[PATH_MAX];
	size_t want_n, got_n;
	struct stat st;

	snprintf(name, sizeof(name), "check-%d", i);
	if (state_path(path, sizeof(path), m->work, name) < 0)
		return "path too long";
	if (lstat(path, &st) < 0 || read_work(m, name, got, sizeof(got), &got_n) < 0)
		return "not in the image";
	if (small_file_read(p->src, want, sizeof(want), &want_n) < 0)
		return "its source cannot be read";
	if (got_n != want_n || memcmp(got, want, got_n))
		return "not what was written";
	if (st.st_uid != 0 || st.st_gid != 0 || (st.st_mode & 07777) != p->mode)
		return "wrong owner or mode";
	return NULL;
}

/* A base that does not hold the identity would boot with keys of its own. */
static int image_verify(struct making *m)
{
	const char *dumps[2 * BASE_PUT_MAX];
	char names[BASE_PUT_MAX][32], what[PATH_MAX + 64];
	const char *wrong;
	int i;

	for (i = 0; i < m->nput; i++) {
		snprintf(names[i], sizeof(names[i]), "check-%d", i);
		dumps[2 * i] = m->put[i].dest;
		dumps[2 * i + 1] = names[i];
	}
	if (image_dump(m->tmp, m->work, "verify.debugfs", dumps, m->nput, 1) < 0)
		return -1;
	for (i = 0; i < m->nput; i++) {
		wrong = put_wrong(m, &m->put[i], i);
		if (wrong) {
			snprintf(what, sizeof(what), "%s: %s", m->put[i].dest, wrong);
			return identity_fail(m->tmp, what);
		}
	}
	return 0;
}

/* The image in place under its final name, then the record that says what it was made from. */
static int publish(struct making *m, const char *base, const char *record_path,
		   const char *record)
{
	char tmp[PATH_MAX];
	int fd;

	fd = open(m->tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) < 0) {
		identity_fail_errno(m->tmp);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	if (rename(m->tmp, base) < 0)
		return identity_fail_errno(base);
	if (state_path(tmp, sizeof(tmp), m->state_dir, "root_fs.source.tmp") < 0)
		return -1;
	if (unlink(tmp) < 0 && errno != ENOENT)
		return identity_fail_errno(tmp);
	if (small_file_write(tmp, record, strlen(record), 0600) < 0)
		return identity_fail_errno(tmp);
	if (rename(tmp, record_path) < 0)
		return identity_fail_errno(record_path);
	fd = open(m->state_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) < 0) {
		identity_fail_errno(m->state_dir);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int base_make(struct making *m, int src, const char *root_fs, const char *id_dir,
		     const char *hostname)
{
	struct stat st;
	int i;

	if (lstat(m->work, &st) == 0 && dir_tree_remove(m->work) < 0)
		return identity_fail(m->work, "cannot remove an unfinished base's scratch");
	if (mkdir(m->work, 0700) < 0)
		return identity_fail_errno(m->work);
	if (image_path_ok(m->tmp) < 0)
		return -1;
	for (i = 0; i < IDENTITY_FILES; i++) {
		if (put_add(m, id_dir, identity_files[i].name, identity_files[i].guest_path,
			    identity_files[i].mode) < 0)
			return -1;
	}
	if (copy_source(m, src, root_fs) < 0 || hosts_prepare(m, hostname) < 0 ||
	    image_put(m->tmp, m->work, m->put, m->nput) < 0 || image_verify(m) < 0)
		return -1;
	return 0;
}

/*
 * The copy is made as root_fs.tmp and renamed only once it holds the
 * identity: a crash leaves the old base or none, never half of one. The
 * pristine root_fs is only ever opened read-only.
 */
int hp_base_ensure(const char *state_dir, const char *root_fs, const char *id_dir,
		   const char *hostname, char *base, size_t baselen, int *remade)
{
	struct making m = { .state_dir = state_dir };
	char record_path[PATH_MAX], record[256];
	struct stat st;
	int src, rc;

	*remade = 0;
	if (state_path(base, baselen, state_dir, "root_fs") < 0 ||
	    state_path(record_path, sizeof(record_path), state_dir, "root_fs.source") < 0 ||
	    state_path(m.tmp, sizeof(m.tmp), state_dir, "root_fs.tmp") < 0 ||
	    state_path(m.work, sizeof(m.work), state_dir, "base.work") < 0)
		return -1;
	/* O_NONBLOCK: a FIFO named by mistake is refused below, not waited on. */
	src = open(root_fs, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (src < 0)
		return identity_fail_errno(root_fs);
	rc = source_record(src, root_fs, record, sizeof(record));
	if (rc == 0 && base_current(base, record_path, record)) {
		close(src);
		return 0;
	}
	if (rc == 0)
		rc = base_make(&m, src, root_fs, id_dir, hostname);
	close(src);
	if (rc == 0)
		rc = publish(&m, base, record_path, record);
	/* The scratch holds copies of the private keys read back: never left behind. */
	if (lstat(m.work, &st) == 0 && dir_tree_remove(m.work) < 0)
		rc = identity_fail(m.work, "cannot remove the scratch directory");
	if (rc < 0)
		unlink(m.tmp);
	else
		*remade = 1;
	return rc;
}
