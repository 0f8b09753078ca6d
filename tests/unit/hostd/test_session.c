// SPDX-License-Identifier: GPL-2.0
/* Unit tests: session file names from hostile tty names, and the bounded table. */
#include <string.h>

#include "session.h"
#include "suites.h"

static char out[SESSION_FILE_MAX];

static const char *name(uint32_t id, const char *n, size_t len, unsigned int attempt)
{
	ck_assert_int_eq(session_file_name(out, sizeof(out), id,
					   (const unsigned char *)n, len, attempt), 0);
	return out;
}

START_TEST(plain_names)
{
	ck_assert_str_eq(name(3, "pts/0", 5, 0), "tty/000003-pts-0.ttylog.gz");
	ck_assert_str_eq(name(12, "ttyS0", 5, 0), "tty/000012-ttyS0.ttylog.gz");
	ck_assert_str_eq(name(1234567, "tty1", 4, 0), "tty/1234567-tty1.ttylog.gz");
	ck_assert_str_eq(name(4294967295U, "x", 1, 0), "tty/4294967295-x.ttylog.gz");
}
END_TEST

START_TEST(hostile_names)
{
	ck_assert_str_eq(name(1, "../../etc/passwd", 16, 0),
			 "tty/000001-..-..-etc-passwd.ttylog.gz");
	ck_assert_str_eq(name(1, "a\0b\nc d\xff\"*", 10, 0),
			 "tty/000001-a_b_c_d___.ttylog.gz");
	ck_assert_str_eq(name(1, "", 0, 0), "tty/000001-unnamed.ttylog.gz");
	ck_assert_str_eq(name(1, "..", 2, 0), "tty/000001-...ttylog.gz");
	ck_assert_ptr_null(strchr(name(1, "/////", 5, 0) + 4, '/'));
}
END_TEST

START_TEST(long_name_and_reuse)
{
	char n[300];

	memset(n, 'z', sizeof(n));
	name(9, n, sizeof(n), 0);
	ck_assert_uint_eq(strlen(out), strlen("tty/000009-.ttylog.gz") + TTY_LOG_NAME_MAX);
	ck_assert_str_eq(name(7, "pts/0", 5, 1), "tty/000007-pts-0~2.ttylog.gz");
	ck_assert_int_eq(session_file_name(out, 10, 7, (const unsigned char *)"pts/0", 5, 0), -1);
}
END_TEST

START_TEST(table_bounded)
{
	static struct session_table t;
	struct session *s;
	uint32_t i;

	session_table_init(&t);
	for (i = 1; i <= HOSTD_MAX_SESSIONS; i++)
		ck_assert_ptr_nonnull(session_add(&t, i));
	ck_assert_ptr_null(session_add(&t, 9999));
	s = session_find(&t, 17);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->id, 17);
	session_remove(&t, s);
	ck_assert_ptr_null(session_find(&t, 17));
	ck_assert_ptr_nonnull(session_add(&t, 9999));
	ck_assert_ptr_nonnull(session_find(&t, 9999));
	ck_assert_uint_eq(t.n_open, HOSTD_MAX_SESSIONS);
}
END_TEST

/* The least recently found session is the one to evict; finding one makes it the most recent. */
START_TEST(lru_by_activity)
{
	static struct session_table t;
	uint32_t i;

	session_table_init(&t);
	ck_assert_ptr_null(session_lru(&t));
	for (i = 1; i <= HOSTD_MAX_SESSIONS; i++)
		ck_assert_ptr_nonnull(session_add(&t, i));
	ck_assert_uint_eq(session_lru(&t)->id, 1);
	ck_assert_ptr_nonnull(session_find(&t, 1));
	ck_assert_ptr_nonnull(session_find(&t, 3));
	ck_assert_uint_eq(session_lru(&t)->id, 2);
	session_remove(&t, session_lru(&t));
	ck_assert_uint_eq(session_lru(&t)->id, 4);
	ck_assert_ptr_null(session_find(&t, 9999));	/* a miss is no one's activity */
	ck_assert_uint_eq(session_lru(&t)->id, 4);
	ck_assert_ptr_nonnull(session_add(&t, 9999));
	ck_assert_uint_eq(session_lru(&t)->id, 4);
	for (i = 4; i <= HOSTD_MAX_SESSIONS; i++)
		session_find(&t, i);
	ck_assert_uint_eq(session_lru(&t)->id, 1);
}
END_TEST

/* An evicted session's ghost keeps its name; one per id, the oldest replaced when all are taken. */
START_TEST(ghosts)
{
	static struct session_table t;
	struct session *s;
	struct session_ghost *g;
	uint32_t i;

	session_table_init(&t);
	s = session_add(&t, 7);
	memcpy(s->name, "pts/7", 5);
	s->name_len = 5;
	s->parent = 3;
	s->major = 136;
	s->minor = 7;
	session_remember(&t, s);
	session_remember(&t, s);
	session_remove(&t, s);
	g = session_ghost_find(&t, 7);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->name_len, 5);
	ck_assert_int_eq(memcmp(g->name, "pts/7", 5), 0);
	ck_assert_uint_eq(g->parent, 3);
	ck_assert_uint_eq(g->major, 136);
	ck_assert_uint_eq(g->minor, 7);
	session_ghost_forget(g);
	ck_assert_ptr_null(session_ghost_find(&t, 7));
	for (i = 1; i <= HOSTD_MAX_SESSIONS + 1; i++) {
		s = session_add(&t, i);
		session_remember(&t, s);
		session_remove(&t, s);
	}
	/* The first remembered (7, forgotten) and id 1 were the oldest slots. */
	ck_assert_ptr_null(session_ghost_find(&t, 1));
	ck_assert_ptr_nonnull(session_ghost_find(&t, 2));
	ck_assert_ptr_nonnull(session_ghost_find(&t, HOSTD_MAX_SESSIONS + 1));
	ck_assert_uint_eq(t.n_open, 0);
}
END_TEST

Suite *session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *t = tcase_create("names");

	tcase_add_test(t, plain_names);
	tcase_add_test(t, hostile_names);
	tcase_add_test(t, long_name_and_reuse);
	tcase_add_test(t, table_bounded);
	tcase_add_test(t, lru_by_activity);
	tcase_add_test(t, ghosts);
	suite_add_tcase(s, t);
	return s;
}
