// SPDX-License-Identifier: GPL-2.0
/* Random text from a test's alphabet, for the config parsers' hostile-input tests. */
#include <stdlib.h>
#include <string.h>

#include "random_text.h"

void random_text(char *text, size_t cap, const char *alphabet, unsigned int *seed)
{
	size_t n = (size_t)rand_r(seed) % cap, k = strlen(alphabet), i;

	for (i = 0; i < n; i++)
		text[i] = alphabet[(size_t)rand_r(seed) % k];
	text[n] = '\0';
}
