// SPDX-License-Identifier: GPL-2.0
/* A honeypot's lasting identity (ssh host keys, machine-id, hostname) and its base image. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dir_tree.h"
#include "hp_base.h"
#include "hp_identity.h"
#include "identity_files.h"
#include "run_cmd.h"
#include "run_dir.h"
#include "small_file.h"
#include "state_path.h"

/* Larger than any file of the identity (an RSA 3072 private key is 2.6 KiB). */
#define IDENTITY_FILE_MAX 16384
#define HOSTNAME_MAX 253

/*
 * The hostname goes into key comments, /etc/hostname and a debugfs script:
 * RFC 1123 letters, digits, '-' and '.', so none of them can misread it.
 */
static int hostname_ok(const char *h)
{
	size_t n = strlen(h);

	if (n == 0 || n > HOSTNAME_MAX || h[0] == '-' || h[0] == '.' || h[n - 1] == '.')
		return 0;
	return strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") == n;
}

/*
 * The state directory holds private keys: root only. An existing one is
 * tightened to 0700 rather than refused; the engine binds what the jail
 * needs from it, so the jail never walks the path.
 */
static int state_dir_make(const char *dir)
{
	struct stat st;

	if (mkdir_parents(dir) < 0)
		return identity_fail_errno(dir);
	if (lstat(dir, &st) < 0)
		return identity_fail_errno(dir);
	if (!S_ISDIR(st.st_mode))
		return identity_fail(dir, "not a directory");
	if (st.st_uid != geteuid())
		return identity_fail(dir, "not owned by root");
	if ((st.st_mode & 07777) != 0700 && chmod(dir, 0700) < 0)
		return identity_fail_errno(dir);
	return 0;
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static int make_key(const char *dir, const struct identity_file *f, const char *hostname)
{
	char path[PATH_MAX], comment[HOSTNAME_MAX + 8];
	const char *argv[14] = { "ssh-keygen", "-q", "-N", "", "-t", f->key_type,
				 "-C", comment, "-f", path };
	int n = 10;

	if (state_path(path, sizeof(path), dir, f->name) < 0)
		return -1;
	/* Debian's ssh-keygen -A at first boot would write root@<hostname>. */
	snprintf(comment, sizeof(comment), "root@%s", hostname);
	if (f->key_bits) {
		argv[n++] = "-b";
		argv[n++] = f->key_bits;
	}
	argv[n] = NULL;
	if (run_cmd(argv, NULL, 0) < 0)
		return identity_fail(path, "ssh-keygen failed");
	return 0;
}

static int make_machine_id(const char *path)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[16];
	char text[33];
	size_t i;

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		return identity_fail_errno(path);
	for (i = 0; i < sizeof(raw); i++) {
		text[2 * i] = hex[raw[i] >> 4];
		text[2 * i + 1] = hex[raw[i] & 15];
	}
	text[32] = '\n';
	if (small_file_write(path, text, sizeof(text), 0444) < 0)
		return identity_fail_errno(path);
	return 0;
}

static int make_file(const char *dir, const struct identity_file *f, const char *hostname)
{
	char path[PATH_MAX], line[HOSTNAME_MAX + 2];
	int n;

	if (state_path(path, sizeof(path), dir, f->name) < 0)
		return -1;
	switch (f->kind) {
	case ID_PRIVATE_KEY:
		return make_key(dir, f, hostname);
	case ID_PUBLIC_KEY:
		return 0;	/* made with its private key */
	case ID_MACHINE_ID:
		return make_machine_id(path);
	case ID_HOSTNAME:
		n = snprintf(line, sizeof(line), "%s\n", hostname);
		if (small_file_write(path, line, (size_t)n, f->mode) < 0)
			return identity_fail_errno(path);
		return 0;
	}
	return identity_fail(path, "unknown kind of identity file");
}

/*
 * Made whole in identity.tmp and renamed into place, so a crash leaves
 * either no identity or a complete one; a leftover identity.tmp was never
 * used by a guest and is made again.
 */
static int identity_make(const char *state_dir, const char *id_dir, const char *hostname)
{
	char tmp[PATH_MAX], path[PATH_MAX];
	struct stat st;
	int i;

	if (state_path(tmp, sizeof(tmp), state_dir, "identity.tmp") < 0)
		return -1;
	if (lstat(tmp, &st) == 0 && dir_tree_remove(tmp) < 0)
		return identity_fail(tmp, "cannot remove an unfinished identity");
	if (mkdir(tmp, 0700) < 0)
		return identity_fail_errno(tmp);
	for (i = 0; i < IDENTITY_FILES; i++) {
		if (make_file(tmp, &identity_files[i], hostname) < 0)
			return -1;
	}
	for (i = 0; i < IDENTITY_FILES; i++) {
		if (state_path(path, sizeof(path), tmp, identity_files[i].name) < 0)
			return -1;
		if (fsync_path(path, O_RDONLY) < 0)
			return identity_fail_errno(path);
	}
	if (rename(tmp, id_dir) < 0)
		return identity_fail_errno(id_dir);
	if (fsync_path(state_dir, O_RDONLY | O_DIRECTORY) < 0)
		return identity_fail_errno(state_dir);
	return 0;
}

static int ends_with(const char *s, size_t n, const char *tail)
{
	size_t t = strlen(tail);

	return n >= t && memcmp(s + n - t, tail, t) == 0;
}

/* Why the text of f (n bytes) is not what we made, or NULL if it is. */
static const char *content_wrong(const struct identity_file *f, const char *s, size_t n,
				 const char *hostname)
{
	char tail[HOSTNAME_MAX + 8];

	switch (f->kind) {
	case ID_PRIVATE_KEY:
		if (strncmp(s, f->prefix, strlen(f->prefix)) ||
		    !ends_with(s, n, "-----END OPENSSH PRIVATE KEY-----\n"))
			return "not an OpenSSH private key";
		return NULL;
	case ID_PUBLIC_KEY:
		snprintf(tail, sizeof(tail), " root@%s\n", hostname);
		if (strncmp(s, f->prefix, strlen(f->prefix)))
			return "not the public key of its type";
		if (!ends_with(s, n, tail))
			return "its comment is not root@ the configured hostname";
		return NULL;
	case ID_MACHINE_ID:
		if (n != 33 || strspn(s, "0123456789abcdef") != 32 || s[32] != '\n' ||
		    strspn(s, "0") == 32)
			return "not 32 lowercase hex digits and a newline";
		return NULL;
	case ID_HOSTNAME:
		if (n != strlen(hostname) + 1 || strncmp(s, hostname, n - 1) || s[n - 1] != '\n')
			return "made for another hostname than the configured one";
		return NULL;
	}
	return "unknown kind of identity file";
}

/*
 * An existing identity is used as it is or refused: remaking one silently
 * would show a returning attacker new host keys. The operator removes
 * the identity directory to make a new one.
 */
static int identity_check_file(const char *id_dir, const struct identity_file *f,
			       const char *hostname)
{
	char path[PATH_MAX], buf[IDENTITY_FILE_MAX], why[PATH_MAX + 128];
	const char *wrong;
	struct stat st;
	size_t n;

	if (state_path(path, sizeof(path), id_dir, f->name) < 0)
		return -1;
	if (lstat(path, &st) < 0 || small_file_read(path, buf, sizeof(buf), &n) < 0) {
		snprintf(why, sizeof(why), "%s (remove %s for a new identity)",
			 strerror(errno), id_dir);
		return identity_fail(path, why);
	}
	if (st.st_uid != geteuid())
		wrong = "not owned by root";
	else if (f->kind == ID_PRIVATE_KEY && (st.st_mode & 077))
		wrong = "a private key others may read";
	else
		wrong = content_wrong(f, buf, n, hostname);
	if (!wrong)
		return 0;
	snprintf(why, sizeof(why), "%s (remove %s for a new identity)", wrong, id_dir);
	return identity_fail(path, why);
}

static int identity_ensure(const char *state_dir, const char *id_dir, const char *hostname)
{
	struct stat st;
	int i;

	if (lstat(id_dir, &st) < 0) {
		if (errno != ENOENT)
			return identity_fail_errno(id_dir);
		if (identity_make(state_dir, id_dir, hostname) < 0)
			return -1;
	} else if (!S_ISDIR(st.st_mode)) {
		return identity_fail(id_dir, "not a directory");
	}
	for (i = 0; i < IDENTITY_FILES; i++) {
		if (identity_check_file(id_dir, &identity_files[i], hostname) < 0)
			return -1;
	}
	return 0;
}

/*
 * Security: the keys are files of the host, root's alone (state_dir is
 * 0700); the guest only ever sees its own copy, inside its own filesystem,
 * as any real machine holds its host keys.
 */
int hp_identity_prepare(const char *state_dir, const char *root_fs, const char *hostname,
			char *base, size_t baselen, int *remade)
{
	char id_dir[PATH_MAX], why[HOSTNAME_MAX + 80];

	*remade = 0;
	if (!hostname_ok(hostname)) {
		snprintf(why, sizeof(why), "hostname \"%.*s\" is not letters, digits, '-' and '.'",
			 HOSTNAME_MAX, hostname);
		return identity_fail(state_dir, why);
	}
	if (state_dir_make(state_dir) < 0 ||
	    state_path(id_dir, sizeof(id_dir), state_dir, "identity") < 0 ||
	    identity_ensure(state_dir, id_dir, hostname) < 0)
		return -1;
	return hp_base_ensure(state_dir, root_fs, id_dir, hostname, base, baselen, remade);
}

int hp_identity_cow_dir(const char *state_dir, char *buf, size_t len)
{
	struct stat st;

	if (state_path(buf, len, state_dir, "disk") < 0)
		return -1;
	if (mkdir(buf, 0700) < 0 && errno != EEXIST)
		return identity_fail_errno(buf);
	if (lstat(buf, &st) < 0)
		return identity_fail_errno(buf);
	if (!S_ISDIR(st.st_mode))
		return identity_fail(buf, "not a directory");
	return 0;
}
