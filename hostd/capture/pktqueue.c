// SPDX-License-Identifier: GPL-2.0
/* The capture's queue: packets copied out of libpcap's ring by the reader thread, taken by the writer. */
#include <stdlib.h>
#include <string.h>

#include "pktqueue.h"

/* A header whose caplen says "the rest of the ring is empty: go on at its start". */
#define WRAP UINT32_MAX
#define HDR sizeof(struct pktq_rec)

static size_t rec_size(uint32_t caplen)
{
	return (HDR + caplen + 7) & ~(size_t)7;
}

int pktq_init(struct pktq *q, size_t cap)
{
	memset(q, 0, sizeof(*q));
	q->cap = cap & ~(size_t)7;
	q->buf = malloc(q->cap);
	if (!q->buf)
		return -1;
	atomic_init(&q->head, 0);
	atomic_init(&q->tail, 0);
	atomic_init(&q->dropped, 0);
	return 0;
}

void pktq_free(struct pktq *q)
{
	free(q->buf);
	q->buf = NULL;
}

int pktq_put(struct pktq *q, const struct pktq_rec *h, const void *data)
{
	uint64_t head = atomic_load_explicit(&q->head, memory_order_relaxed);
	uint64_t tail = atomic_load_explicit(&q->tail, memory_order_acquire);
	size_t n = rec_size(h->caplen), pos = (size_t)(head % q->cap), room = q->cap - pos;
	size_t need = room >= n ? n : room + n;
	struct pktq_rec wrap = { 0, 0, WRAP, 0 };

	if (n > q->cap || need > q->cap - (size_t)(head - tail)) {
		atomic_fetch_add_explicit(&q->dropped, 1, memory_order_relaxed);
		return 1;
	}
	if (room < n) {
		if (room >= HDR)
			memcpy(q->buf + pos, &wrap, HDR);
		head += room;
		pos = 0;
	}
	memcpy(q->buf + pos, h, HDR);
	memcpy(q->buf + pos + HDR, data, h->caplen);
	atomic_store_explicit(&q->head, head + n, memory_order_release);
	return 0;
}

int pktq_peek(struct pktq *q, struct pktq_rec *h, const unsigned char **data)
{
	uint64_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
	uint64_t head = atomic_load_explicit(&q->head, memory_order_acquire);
	size_t pos, room;

	while (tail != head) {
		pos = (size_t)(tail % q->cap);
		room = q->cap - pos;
		if (room >= HDR) {
			memcpy(h, q->buf + pos, HDR);
			if (h->caplen != WRAP) {
				*data = q->buf + pos + HDR;
				q->peeked = rec_size(h->caplen);
				return 1;
			}
		}
		/* The gap at the ring's end: hand it back, go on at the start. */
		tail += room;
		atomic_store_explicit(&q->tail, tail, memory_order_release);
	}
	return 0;
}

void pktq_pop(struct pktq *q)
{
	uint64_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);

	atomic_store_explicit(&q->tail, tail + q->peeked, memory_order_release);
	q->peeked = 0;
}

int pktq_empty(struct pktq *q)
{
	return atomic_load_explicit(&q->tail, memory_order_relaxed) ==
	       atomic_load_explicit(&q->head, memory_order_acquire);
}

uint64_t pktq_dropped(struct pktq *q)
{
	return atomic_load_explicit(&q->dropped, memory_order_relaxed);
}
