/* SPDX-License-Identifier: GPL-2.0 */
/* How a fuzz input's first byte chunks the rest of it: both targets feed their parser this way. */
#ifndef FUZZ_CHUNK_H
#define FUZZ_CHUNK_H

#include <stddef.h>
#include <stdint.h>

/*
 * The next chunk's size (at most left): mode 0 whole, 1 single bytes,
 * 2..7 random sizes up to 4^mode from the xorshift state *rng.
 */
size_t next_chunk(uint32_t *rng, unsigned int mode, size_t left);

/* The state next_chunk starts from for an input whose first byte is b. */
uint32_t chunk_seed(uint8_t b);

#endif
