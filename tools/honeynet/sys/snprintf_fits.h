/* SPDX-License-Identifier: GPL-2.0 */
/* Whether an snprintf into a fixed buffer kept the whole text. */
#ifndef SNPRINTF_FITS_H
#define SNPRINTF_FITS_H

#include <stddef.h>

/* n is snprintf's result for a buffer of len bytes: 0 if the whole text
 * fit, -1 if it was cut or failed (a cut path must never be used). */
static inline int snprintf_fits(int n, size_t len)
{
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

#endif
