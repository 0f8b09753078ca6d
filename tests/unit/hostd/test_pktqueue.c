// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the reader-to-writer packet queue: order, the wrap at the ring's end, a full queue, two threads. */
#include <pthread.h>
#include <string.h>

#include "pktqueue.h"
#include "suites.h"

/* n bytes whose bytes say the record's number k. */
static void fill(unsigned char *p, uint32_t n, uint32_t k)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(k + i);
}

static int same(const unsigned char *p, uint32_t n, uint32_t k)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(k + i))
			return 0;
	return 1;
}

static void put(struct pktq *q, uint32_t k, uint32_t caplen, int expect)
{
	unsigned char d[2048];
	struct pktq_rec h = { k, k + 1, caplen, caplen + 10 };

	fill(d, caplen, k);
	ck_assert_int_eq(pktq_put(q, &h, d), expect);
}

static void take(struct pktq *q, uint32_t k, uint32_t caplen)
{
	const unsigned char *d;
	struct pktq_rec h;

	ck_assert_int_eq(pktq_peek(q, &h, &d), 1);
	ck_assert_uint_eq(h.sec, k);
	ck_assert_uint_eq(h.usec, k + 1);
	ck_assert_uint_eq(h.caplen, caplen);
	ck_assert_uint_eq(h.len, caplen + 10);
	ck_assert(same(d, caplen, k));
	pktq_pop(q);
}

START_TEST(order_and_empty)
{
	struct pktq q;

	ck_assert_int_eq(pktq_init(&q, 4096), 0);
	ck_assert(pktq_empty(&q));
	put(&q, 1, 74, 0);
	put(&q, 2, 0, 0);
	put(&q, 3, 100, 0);
	ck_assert(!pktq_empty(&q));
	take(&q, 1, 74);
	take(&q, 2, 0);
	take(&q, 3, 100);
	ck_assert(pktq_empty(&q));
	pktq_free(&q);
}
END_TEST

/* Records that do not fit at the end start again at the beginning, whole, many times over. */
START_TEST(wraps_whole)
{
	struct pktq q;
	uint32_t k;

	ck_assert_int_eq(pktq_init(&q, 1000), 0);	/* rounded down to 1000 - 1000 % 8 */
	for (k = 0; k < 500; k++) {
		put(&q, k, 70 + k % 200, 0);
		put(&q, k + 1000, 5 + k % 7, 0);
		take(&q, k, 70 + k % 200);
		take(&q, k + 1000, 5 + k % 7);
	}
	ck_assert(pktq_empty(&q));
	ck_assert_uint_eq(pktq_dropped(&q), 0);
	pktq_free(&q);
}
END_TEST

/* A full queue drops and counts; what is queued stays whole; room comes back as it is taken. */
START_TEST(full_drops_and_counts)
{
	struct pktq q;
	uint32_t k;

	ck_assert_int_eq(pktq_init(&q, 1024), 0);
	for (k = 0; k < 8; k++)
		put(&q, k, 112, 0);		/* 8 x 128 bytes: full */
	put(&q, 8, 1, 1);
	put(&q, 9, 2000, 1);			/* larger than the queue */
	ck_assert_uint_eq(pktq_dropped(&q), 2);
	take(&q, 0, 112);
	put(&q, 10, 112, 0);
	for (k = 1; k < 8; k++)
		take(&q, k, 112);
	take(&q, 10, 112);
	ck_assert(pktq_empty(&q));
	pktq_free(&q);
}
END_TEST

#define THREAD_RECS 200000

static void *producer(void *arg)
{
	struct pktq *q = arg;
	uint32_t k;

	for (k = 0; k < THREAD_RECS; k++) {
		unsigned char d[300];
		struct pktq_rec h = { k, 0, k % 300, k % 300 };

		fill(d, h.caplen, k);
		while (pktq_put(q, &h, d))
			;	/* full: try again (the count of drops is not checked here) */
	}
	return NULL;
}

/* One producer thread, one consumer: every record arrives, in order, whole. */
START_TEST(two_threads)
{
	const unsigned char *d;
	struct pktq_rec h;
	struct pktq q;
	pthread_t t;
	uint32_t k = 0;

	ck_assert_int_eq(pktq_init(&q, 8192), 0);
	ck_assert_int_eq(pthread_create(&t, NULL, producer, &q), 0);
	while (k < THREAD_RECS) {
		if (!pktq_peek(&q, &h, &d))
			continue;
		ck_assert_uint_eq(h.sec, k);
		ck_assert_uint_eq(h.caplen, k % 300);
		ck_assert(same(d, h.caplen, k));
		pktq_pop(&q);
		k++;
	}
	pthread_join(t, NULL);
	ck_assert(pktq_empty(&q));
	pktq_free(&q);
}
END_TEST

Suite *pktqueue_suite(void)
{
	Suite *s = suite_create("pktqueue");
	TCase *t = tcase_create("pktqueue");

	tcase_add_test(t, order_and_empty);
	tcase_add_test(t, wraps_whole);
	tcase_add_test(t, full_drops_and_counts);
	tcase_add_test(t, two_threads);
	tcase_set_timeout(t, 60);
	suite_add_tcase(s, t);
	return s;
}
