/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel binary's loader and shared libraries, read from its ELF headers, for the jail to bind. */
#ifndef JAIL_LIBS_H
#define JAIL_LIBS_H

#include "jail.h"

/*
 * Adds read-only binds for kernel's ELF interpreter (PT_INTERP) and each
 * library it names (DT_NEEDED, looked up in the interpreter's directory),
 * at the paths the loader uses. A static kernel adds none. Returns 0, or
 * -1 after saying why.
 */
int jail_add_libs(struct jail *j, const char *kernel);

#endif
