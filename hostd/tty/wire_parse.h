/* SPDX-License-Identifier: GPL-2.0 */
/* The hostile TTY stream's framing: feed bytes, get checked records, resync after damage. */
#ifndef WIRE_PARSE_H
#define WIRE_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "tty_log_wire.h"

/* One record whose header and crc held; payload points into the parser. */
struct wire_rec {
	uint64_t offset;	/* stream offset of the header */
	uint32_t type;
	uint32_t session;
	uint32_t len;
	uint64_t time_ns;
	uint8_t dir;
	const unsigned char *payload;
};

/*
 * What the parser reports. error: damage at offset (said once per damaged
 * stretch); resync: a valid record again at offset after skipped bytes.
 */
struct wire_sink {
	void (*record)(void *ctx, const struct wire_rec *r);
	void (*error)(void *ctx, uint64_t offset, const char *what);
	void (*resync)(void *ctx, uint64_t offset, uint64_t skipped);
	void *ctx;
};

#define WIRE_REC_MAX (TTY_LOG_HEADER_SIZE + TTY_LOG_MAX_PAYLOAD)
/* The fuzz build uses the smallest legal buffer, to exercise compaction. */
#ifndef WIRE_BUF_SIZE
#define WIRE_BUF_SIZE 65536
#endif

struct wire_parser {
	struct wire_sink sink;
	size_t have;		/* bytes held in buf */
	uint64_t buf_off;	/* stream offset of buf[0] */
	int resyncing;		/* scanning for the next valid record */
	uint64_t damage_off;	/* where the current damage began */
	unsigned char buf[WIRE_BUF_SIZE];
};

void wire_init(struct wire_parser *w, const struct wire_sink *sink);

/* Takes n more stream bytes, in any chunking; calls the sink as records complete. */
void wire_feed(struct wire_parser *w, const void *data, size_t n);

/* The stream ended: reports a trailing partial record or garbage. */
void wire_end(struct wire_parser *w);

/* Stream bytes taken so far. */
uint64_t wire_offset(const struct wire_parser *w);

#endif
