/* SPDX-License-Identifier: GPL-2.0 */
/* The capture's queue: packets copied out of libpcap's ring by the reader thread, taken by the writer. */
#ifndef PKTQUEUE_H
#define PKTQUEUE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* One record's header in the queue; caplen bytes of data follow, the whole padded to 8 bytes. */
struct pktq_rec {
	uint32_t sec, usec;	/* the capture time */
	uint32_t caplen, len;	/* bytes captured, bytes on the wire */
};

/*
 * A byte ring for exactly one producer thread (pktq_put) and one consumer
 * thread (pktq_peek, pktq_pop), without a lock: head and tail count bytes
 * ever put and taken. The producer fills a record, then publishes it with
 * a release store of head; the consumer reads head with acquire, so it
 * sees the record whole. The consumer gives the bytes back with a release
 * store of tail after it is done with them, and the producer reads tail
 * with acquire before it writes over them. A record that does not fit at
 * the ring's end starts again at its beginning (a WRAP header, or less
 * room than a header, marks the gap). A record that does not fit at all
 * is dropped and counted: the queue never blocks the reader.
 */
struct pktq {
	unsigned char *buf;
	size_t cap;			/* bytes, a multiple of 8 */
	_Atomic uint64_t head;		/* stored by the producer only */
	_Atomic uint64_t tail;		/* stored by the consumer only */
	_Atomic uint64_t dropped;	/* records that did not fit (producer) */
	size_t peeked;			/* the consumer's: bytes of the record pktq_peek gave */
};

/* Allocates cap bytes (rounded down to 8). 0, or -1 with errno. */
int pktq_init(struct pktq *q, size_t cap);
void pktq_free(struct pktq *q);

/* Producer: copies one record in. 0, or 1 if it did not fit (counted in dropped). */
int pktq_put(struct pktq *q, const struct pktq_rec *h, const void *data);

/* Consumer: the oldest record, its data in place until pktq_pop. 1, or 0 if the queue is empty. */
int pktq_peek(struct pktq *q, struct pktq_rec *h, const unsigned char **data);

/* Consumer: gives the record pktq_peek returned back to the producer. */
void pktq_pop(struct pktq *q);

/* Consumer: whether nothing waits. */
int pktq_empty(struct pktq *q);

/* Either side: records dropped since the start. */
uint64_t pktq_dropped(struct pktq *q);

#endif
