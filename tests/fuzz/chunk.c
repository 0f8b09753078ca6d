// SPDX-License-Identifier: GPL-2.0
/* How a fuzz input's first byte chunks the rest of it (chunk.h). */
#include "chunk.h"

size_t next_chunk(uint32_t *rng, unsigned int mode, size_t left)
{
	size_t k;

	*rng ^= *rng << 13;
	*rng ^= *rng >> 17;
	*rng ^= *rng << 5;
	if (mode == 0)
		k = left;
	else if (mode == 1)
		k = 1;
	else
		k = 1 + *rng % (1U << (2 * mode));
	return k < left ? k : left;
}

uint32_t chunk_seed(uint8_t b)
{
	return 0x9e3779b9U ^ b;
}
