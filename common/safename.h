/* SPDX-License-Identifier: GPL-2.0 */
/* File names made from names a guest or an operator chose: a safe alphabet, and "~N" for a name in use. */
#ifndef SAFENAME_H
#define SAFENAME_H

#include <stddef.h>

/*
 * Writes n bytes of in to out with '/' as slash and every other byte
 * outside [A-Za-z0-9._+-] as '_', NUL-terminated and cut to cap - 1
 * bytes. Safe for hostile bytes: out can never hold a path separator, a
 * NUL before its end, or a byte a shell or terminal treats specially.
 * Returns the length written.
 */
size_t safename(char *out, size_t cap, const void *in, size_t n, char slash);

/* The suffix of the copy-th file of one name (1 is the first): "" for it, "~2", "~3"... after. */
void safename_copy(char out[16], unsigned int copy);

#endif
