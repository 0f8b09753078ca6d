// SPDX-License-Identifier: GPL-2.0
/* Unit tests: a honeypot's identity made once, in its base image (root, e2fsprogs, ssh-keygen). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dir_tree.h"
#include "hosts_rename.h"
#include "hp_identity.h"
#include "run_cmd.h"
#include "run_dir.h"
#include "small_file.h"
#include "suites.h"

#define OLD_HOSTS "127.0.0.1\tlocalhost\n127.0.1.1\told.example.lan\told\n::1 localhost\n"

struct fixture {
	char top[64];
	char src[128];		/* the pristine root_fs */
	char state[128];	/* state_dir */
	char base[256];
};

static void put_file(const char *dir, const char *name, const char *text)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
	ck_assert_msg(small_file_write(path, text, strlen(text), 0644) == 0, "write %s: %s",
		      path, strerror(errno));
}

/* An 8 MiB ext4 root_fs: /etc names the host "old", holds no keys (no /etc/ssh unless with_ssh). */
static void fixture_make_with(struct fixture *fx, int with_ssh)
{
	char tree[128], etc[160], ssh[192];
	const char *argv[] = { "mkfs.ext4", "-q", "-F", "-d", tree, fx->src, NULL };
	int fd;

	ck_assert_msg(geteuid() == 0, "these tests need root: debugfs -p and the image's owners");
	snprintf(fx->top, sizeof(fx->top), "/tmp/hn-unit-ident-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx->top));
	snprintf(tree, sizeof(tree), "%s/tree", fx->top);
	snprintf(etc, sizeof(etc), "%s/etc", tree);
	snprintf(ssh, sizeof(ssh), "%s/ssh", etc);
	ck_assert_int_eq(mkdir(tree, 0755), 0);
	ck_assert_int_eq(mkdir(etc, 0755), 0);
	ck_assert_int_eq(with_ssh ? mkdir(ssh, 0755) : 0, 0);
	put_file(etc, "hostname", "old\n");
	put_file(etc, "hosts", OLD_HOSTS);
	put_file(etc, "machine-id", "");
	snprintf(fx->src, sizeof(fx->src), "%s/root_fs", fx->top);
	/* Made beforehand, its size its own, so mkfs.ext4 has nothing to say. */
	fd = open(fx->src, O_WRONLY | O_CREAT | O_EXCL, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 8 << 20), 0);
	close(fd);
	ck_assert_msg(run_cmd(argv, NULL, 0) == 0, "mkfs.ext4 (e2fsprogs) is needed");
	snprintf(fx->state, sizeof(fx->state), "%s/var/web", fx->top);
}

static void fixture_make(struct fixture *fx)
{
	fixture_make_with(fx, 1);
}

static void fixture_free(struct fixture *fx)
{
	ck_assert_int_eq(dir_tree_remove(fx->top), 0);
}

static int prepare(struct fixture *fx, const char *hostname)
{
	int remade = -1;
	int rc = hp_identity_prepare(fx->state, fx->src, hostname, fx->base, sizeof(fx->base),
				     &remade);

	return rc < 0 ? -1 : remade;
}

/* A file of the image as debugfs cats it, NUL-terminated; "" if it is not there. */
static size_t image_cat(const char *image, const char *path, char *buf, size_t len)
{
	char cmd[512];
	size_t n;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "debugfs -R 'cat %s' %s 2>/dev/null", path, image);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	n = fread(buf, 1, len - 1, p);
	buf[n] = '\0';
	ck_assert_int_eq(pclose(p), 0);
	return n;
}

/* Whether debugfs's stat of path shows text (its mode, its owner). */
static int image_stat_has(const char *image, const char *path, const char *text)
{
	char buf[4096];
	char cmd[512];
	size_t n;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "debugfs -R 'stat %s' %s 2>/dev/null", path, image);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	n = fread(buf, 1, sizeof(buf) - 1, p);
	buf[n] = '\0';
	pclose(p);
	return strstr(buf, text) != NULL;
}

static size_t identity_read(const struct fixture *fx, const char *name, char *buf, size_t len)
{
	char path[256];
	size_t n;

	snprintf(path, sizeof(path), "%s/identity/%s", fx->state, name);
	ck_assert_msg(small_file_read(path, buf, len, &n) == 0, "%s: %s", path, strerror(errno));
	return n;
}

/* The identity file name is what the image holds at guest path, byte for byte. */
static void assert_in_image(const struct fixture *fx, const char *name, const char *guest,
			    const char *mode)
{
	char want[8192], got[8192];
	size_t n = identity_read(fx, name, want, sizeof(want));

	ck_assert_uint_eq(image_cat(fx->base, guest, got, sizeof(got)), n);
	ck_assert_mem_eq(got, want, n);
	ck_assert_msg(image_stat_has(fx->base, guest, mode), "%s: not %s", guest, mode);
	ck_assert_msg(image_stat_has(fx->base, guest, "User:     0   Group:     0"),
		      "%s: not root's", guest);
}

/* Runs prepare with stderr caught into err. */
static int prepare_caught(struct fixture *fx, const char *hostname, char *err, size_t len)
{
	char path[128];
	int fd, saved, rc;
	size_t n;

	snprintf(path, sizeof(path), "%s/stderr", fx->top);
	fflush(stderr);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	saved = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	rc = prepare(fx, hostname);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	ck_assert_int_eq(small_file_read(path, err, len, &n), 0);
	unlink(path);
	return rc;
}

START_TEST(made_and_written_into_the_base)
{
	struct fixture fx;
	char buf[8192], path[256];
	struct stat src_before, src_after, st;
	size_t n;

	fixture_make(&fx);
	ck_assert_int_eq(stat(fx.src, &src_before), 0);
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	snprintf(path, sizeof(path), "%s/root_fs", fx.state);
	ck_assert_str_eq(fx.base, path);

	ck_assert_int_eq(stat(fx.state, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0700);
	n = identity_read(&fx, "ssh_host_rsa_key.pub", buf, sizeof(buf));
	ck_assert_str_eq(buf + n - strlen(" root@web\n"), " root@web\n");
	ck_assert_int_eq(strncmp(buf, "ssh-rsa ", 8), 0);
	n = identity_read(&fx, "ssh_host_ed25519_key.pub", buf, sizeof(buf));
	ck_assert_int_eq(strncmp(buf, "ssh-ed25519 ", 12), 0);
	n = identity_read(&fx, "machine-id", buf, sizeof(buf));
	ck_assert_uint_eq(n, 33);
	ck_assert_uint_eq(strspn(buf, "0123456789abcdef"), 32);
	identity_read(&fx, "hostname", buf, sizeof(buf));
	ck_assert_str_eq(buf, "web\n");

	assert_in_image(&fx, "ssh_host_ed25519_key", "/etc/ssh/ssh_host_ed25519_key",
			"Mode:  0600");
	assert_in_image(&fx, "ssh_host_ed25519_key.pub", "/etc/ssh/ssh_host_ed25519_key.pub",
			"Mode:  0644");
	assert_in_image(&fx, "ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ecdsa_key", "Mode:  0600");
	assert_in_image(&fx, "ssh_host_rsa_key", "/etc/ssh/ssh_host_rsa_key", "Mode:  0600");
	assert_in_image(&fx, "ssh_host_rsa_key.pub", "/etc/ssh/ssh_host_rsa_key.pub",
			"Mode:  0644");
	assert_in_image(&fx, "machine-id", "/etc/machine-id", "Mode:  0444");
	assert_in_image(&fx, "hostname", "/etc/hostname", "Mode:  0644");
	image_cat(fx.base, "/etc/hosts", buf, sizeof(buf));
	ck_assert_str_eq(buf, "127.0.0.1\tlocalhost\n127.0.1.1\tweb.example.lan\tweb\n"
			 "::1 localhost\n");

	/* The pristine image is untouched, and the base keeps its holes. */
	ck_assert_int_eq(stat(fx.src, &src_after), 0);
	ck_assert_int_eq(src_after.st_mtim.tv_sec, src_before.st_mtim.tv_sec);
	ck_assert_int_eq(src_after.st_mtim.tv_nsec, src_before.st_mtim.tv_nsec);
	image_cat(fx.src, "/etc/hostname", buf, sizeof(buf));
	ck_assert_str_eq(buf, "old\n");
	ck_assert_uint_eq(image_cat(fx.src, "/etc/ssh/ssh_host_rsa_key", buf, sizeof(buf)), 0);
	ck_assert_int_eq(stat(fx.base, &st), 0);
	ck_assert_int_eq(st.st_size, src_after.st_size);
	ck_assert_int_lt(st.st_blocks * 512, st.st_size);
	ck_assert_uint_eq(st.st_mode & 07777, 0644);
	fixture_free(&fx);
}
END_TEST

START_TEST(second_call_keeps_everything)
{
	struct fixture fx;
	char key1[8192], key2[8192], id1[64], id2[64];
	struct stat b1, b2;
	size_t n1, n2;

	fixture_make(&fx);
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	n1 = identity_read(&fx, "ssh_host_ed25519_key", key1, sizeof(key1));
	identity_read(&fx, "machine-id", id1, sizeof(id1));
	ck_assert_int_eq(stat(fx.base, &b1), 0);
	/* A later mtime would show if the base were rewritten. */
	sleep(1);
	ck_assert_int_eq(prepare(&fx, "web"), 0);
	n2 = identity_read(&fx, "ssh_host_ed25519_key", key2, sizeof(key2));
	identity_read(&fx, "machine-id", id2, sizeof(id2));
	ck_assert_uint_eq(n1, n2);
	ck_assert_mem_eq(key1, key2, n1);
	ck_assert_str_eq(id1, id2);
	ck_assert_int_eq(stat(fx.base, &b2), 0);
	ck_assert_uint_eq(b1.st_ino, b2.st_ino);
	ck_assert_int_eq(b1.st_mtim.tv_sec, b2.st_mtim.tv_sec);
	ck_assert_int_eq(b1.st_mtim.tv_nsec, b2.st_mtim.tv_nsec);
	ck_assert_int_eq(b1.st_size, b2.st_size);
	fixture_free(&fx);
}
END_TEST

START_TEST(changed_source_remakes_the_base_with_the_same_keys)
{
	struct fixture fx;
	char want[8192], got[8192];
	struct timespec later[2] = { { 0, UTIME_OMIT }, { 1000000000, 0 } };
	size_t n;

	fixture_make(&fx);
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	ck_assert_int_eq(utimensat(AT_FDCWD, fx.src, later, 0), 0);
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	ck_assert_int_eq(prepare(&fx, "web"), 0);
	n = identity_read(&fx, "ssh_host_rsa_key", want, sizeof(want));
	ck_assert_uint_eq(image_cat(fx.base, "/etc/ssh/ssh_host_rsa_key", got, sizeof(got)), n);
	ck_assert_mem_eq(got, want, n);
	fixture_free(&fx);
}
END_TEST

START_TEST(damaged_identity_refused_naming_the_file)
{
	struct fixture fx;
	char err[4096], path[256], key[8192];
	size_t n;

	fixture_make(&fx);
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	n = identity_read(&fx, "ssh_host_rsa_key", key, sizeof(key));
	snprintf(path, sizeof(path), "%s/identity/ssh_host_rsa_key", fx.state);
	ck_assert_int_eq(truncate(path, (off_t)n / 2), 0);
	ck_assert_int_eq(prepare_caught(&fx, "web", err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, path) && strstr(err, "honeypot not started"), "%s", err);
	/* Not silently remade: the damaged key is still what is there. */
	ck_assert_uint_eq(identity_read(&fx, "ssh_host_rsa_key", err, sizeof(err)), n / 2);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(small_file_write(path, key, n, 0600), 0);
	ck_assert_int_eq(prepare(&fx, "web"), 0);

	snprintf(path, sizeof(path), "%s/identity/machine-id", fx.state);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(prepare_caught(&fx, "web", err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, path), "%s", err);
	fixture_free(&fx);
}
END_TEST

START_TEST(other_hostname_refused)
{
	struct fixture fx;
	char err[4096], path[256];

	fixture_make(&fx);
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	snprintf(path, sizeof(path), "%s/identity/", fx.state);
	ck_assert_int_eq(prepare_caught(&fx, "db", err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, path), "%s", err);
	ck_assert_int_eq(prepare_caught(&fx, "we b", err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "hostname"), "%s", err);
	fixture_free(&fx);
}
END_TEST

/* debugfs cannot write into a missing /etc/ssh; the check after it says so. */
START_TEST(base_without_the_identity_refused)
{
	struct fixture fx;
	char err[4096], path[256];
	struct stat st;

	fixture_make_with(&fx, 0);
	ck_assert_int_eq(prepare_caught(&fx, "web", err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "/etc/ssh/ssh_host_ed25519_key: not in the image; "
			      "honeypot not started"), "%s", err);
	ck_assert_msg(lstat(fx.base, &st) < 0 && errno == ENOENT, "%s made", fx.base);
	/* Neither the half-made image nor the scratch with its key copies is left. */
	snprintf(path, sizeof(path), "%s/root_fs.tmp", fx.state);
	ck_assert_msg(lstat(path, &st) < 0 && errno == ENOENT, "%s left", path);
	snprintf(path, sizeof(path), "%s/base.work", fx.state);
	ck_assert_msg(lstat(path, &st) < 0 && errno == ENOENT, "%s left", path);
	fixture_free(&fx);
}
END_TEST

/* What a crash part-way leaves is never used, and made again. */
START_TEST(crash_leftovers_cleared)
{
	static const char *const left[] = { "identity.tmp", "base.work", "root_fs.tmp" };
	struct fixture fx;
	char path[256];
	struct stat st;
	size_t i;

	fixture_make(&fx);
	ck_assert_int_eq(mkdir_parents(fx.state), 0);
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", fx.state, left[i]);
		ck_assert_int_eq(mkdir(path, 0700), 0);
		put_file(path, "ssh_host_rsa_key", "half");
	}
	put_file(fx.state, "root_fs.tmp", "half");
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", fx.state, left[i]);
		ck_assert_msg(lstat(path, &st) < 0 && errno == ENOENT, "%s left", path);
	}
	fixture_free(&fx);
}
END_TEST

START_TEST(cow_dir_made_root_only)
{
	struct fixture fx;
	char dir[256], want[256];
	struct stat st;

	fixture_make(&fx);
	ck_assert_int_eq(prepare(&fx, "web"), 1);
	ck_assert_int_eq(hp_identity_cow_dir(fx.state, dir, sizeof(dir)), 0);
	snprintf(want, sizeof(want), "%s/disk", fx.state);
	ck_assert_str_eq(dir, want);
	ck_assert_int_eq(lstat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_uint_eq(st.st_mode & 07777, 0700);
	ck_assert_int_eq(hp_identity_cow_dir(fx.state, dir, sizeof(dir)), 0);
	ck_assert_int_eq(hp_identity_cow_dir(fx.state, dir, 8), -1);
	fixture_free(&fx);
}
END_TEST

START_TEST(hosts_renamed)
{
	char out[512];

	ck_assert_int_eq(hosts_rename(OLD_HOSTS, "old", "web", out, sizeof(out)), 1);
	ck_assert_str_eq(out, "127.0.0.1\tlocalhost\n127.0.1.1\tweb.example.lan\tweb\n"
			 "::1 localhost\n");
	ck_assert_int_eq(hosts_rename(OLD_HOSTS, "old", "db.corp.example", out, sizeof(out)), 1);
	ck_assert_str_eq(out, "127.0.0.1\tlocalhost\n127.0.1.1\tdb.corp.example\tdb\n"
			 "::1 localhost\n");
	/* Only 127.0.1.1 lines, only whole names, comments kept. */
	ck_assert_int_eq(hosts_rename("10.0.0.1 old\n127.0.1.1  older oldx # old\n", "old",
				      "web", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "10.0.0.1 old\n127.0.1.1  older oldx # old\n");
	ck_assert_int_eq(hosts_rename("127.0.1.1 old", "old", "web", out, sizeof(out)), 1);
	ck_assert_str_eq(out, "127.0.1.1 web");
	ck_assert_int_eq(hosts_rename(OLD_HOSTS, "", "web", out, sizeof(out)), 0);
	ck_assert_int_eq(hosts_rename(OLD_HOSTS, "old", "web", out, 20), -1);
}
END_TEST

Suite *hp_identity_suite(void)
{
	Suite *s = suite_create("hp_identity");
	TCase *tc = tcase_create("hp_identity");

	/* ssh-keygen makes an RSA 3072 key in each test; slow on a busy machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, made_and_written_into_the_base);
	tcase_add_test(tc, second_call_keeps_everything);
	tcase_add_test(tc, changed_source_remakes_the_base_with_the_same_keys);
	tcase_add_test(tc, damaged_identity_refused_naming_the_file);
	tcase_add_test(tc, other_hostname_refused);
	tcase_add_test(tc, base_without_the_identity_refused);
	tcase_add_test(tc, crash_leftovers_cleared);
	tcase_add_test(tc, cow_dir_made_root_only);
	tcase_add_test(tc, hosts_renamed);
	suite_add_tcase(s, tc);
	return s;
}
