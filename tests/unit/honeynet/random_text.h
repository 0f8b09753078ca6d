/* SPDX-License-Identifier: GPL-2.0 */
/* Random text from a test's alphabet, for the config parsers' hostile-input tests. */
#ifndef RANDOM_TEXT_H
#define RANDOM_TEXT_H

#include <stddef.h>

/*
 * Fills TEXT (CAP bytes, CAP > 0) with a random number of characters, fewer
 * than CAP, each drawn from ALPHABET (not empty), and a final NUL; SEED is
 * rand_r's, so a test repeats itself.
 */
void random_text(char *text, size_t cap, const char *alphabet, unsigned int *seed);

#endif
