// SPDX-License-Identifier: GPL-2.0
/* The kernel binary's loader and shared libraries, read from its ELF headers, for the jail to bind. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jail.h"
#include "jail_libs.h"
#include "report.h"

/*
 * A UML kernel links against glibc dynamically (a static 6.1 UML kernel
 * faults in its stubs on this host), so its jail holds its loader and the
 * libraries it names, each bound read-only at the path the loader looks
 * for it. The kernel binary is the operator's, not the guest's; its headers
 * are still read with bounds on every offset.
 */

#define ELF_MAX (64 << 20)	/* a UML kernel is a few MiB */

struct elf {
	const unsigned char *p;
	size_t size;
	const Elf64_Ehdr *eh;
};

static const Elf64_Phdr *phdr(const struct elf *e, int i)
{
	size_t rel = (size_t)i * sizeof(Elf64_Phdr);

	if (e->eh->e_phoff > e->size || rel > e->size - e->eh->e_phoff ||
	    sizeof(Elf64_Phdr) > e->size - e->eh->e_phoff - rel ||
	    e->eh->e_phoff % _Alignof(Elf64_Phdr))
		return NULL;
	return (const Elf64_Phdr *)(e->p + e->eh->e_phoff + rel);
}

/* The file offset of virtual address va, through the PT_LOAD that maps it; 0 if none. */
static size_t va_to_off(const struct elf *e, uint64_t va)
{
	const Elf64_Phdr *ph;
	int i;

	for (i = 0; i < e->eh->e_phnum && (ph = phdr(e, i)); i++)
		if (ph->p_type == PT_LOAD && va >= ph->p_vaddr && va - ph->p_vaddr < ph->p_filesz)
			return ph->p_offset + (va - ph->p_vaddr);
	return 0;
}

/* A NUL-terminated string at off, within the file. */
static const char *str_at(const struct elf *e, size_t off)
{
	if (off >= e->size || !memchr(e->p + off, '\0', e->size - off))
		return NULL;
	return (const char *)e->p + off;
}

static int add(struct jail *j, const char *src, const char *dst)
{
	char spec[2 * PATH_MAX + 2], why[320];
	int n = snprintf(spec, sizeof(spec), "%s=%s", src, dst);

	if (n < 0 || (size_t)n >= sizeof(spec))
		snprintf(why, sizeof(why), "%s: path too long", src);
	if (n < 0 || (size_t)n >= sizeof(spec) ||
	    jail_add_bind(j, spec, 0, why, sizeof(why)) < 0) {
		report("jail: %s; guest not started", why);
		return -1;
	}
	return 0;
}

/* Each DT_NEEDED library, found in the loader's own directory (glibc's). */
static int add_needed(struct jail *j, const struct elf *e, const Elf64_Phdr *dyn,
		      const char *libdir)
{
	const Elf64_Dyn *d;
	size_t n, i, strtab = 0;
	char src[PATH_MAX], dst[PATH_MAX];
	const char *name;

	/* The file is mapped page-aligned: an aligned offset makes d[i] an aligned read. */
	if (dyn->p_offset > e->size || dyn->p_filesz > e->size - dyn->p_offset ||
	    dyn->p_offset % _Alignof(Elf64_Dyn))
		return -1;
	d = (const Elf64_Dyn *)(e->p + dyn->p_offset);
	n = dyn->p_filesz / sizeof(*d);
	for (i = 0; i < n && d[i].d_tag != DT_NULL; i++)
		if (d[i].d_tag == DT_STRTAB)
			strtab = va_to_off(e, d[i].d_un.d_ptr);
	for (i = 0; i < n && d[i].d_tag != DT_NULL; i++) {
		if (d[i].d_tag != DT_NEEDED)
			continue;
		name = strtab ? str_at(e, strtab + d[i].d_un.d_val) : NULL;
		if (!name || strchr(name, '/'))
			return -1;
		snprintf(src, sizeof(src), "%s/%s", libdir, name);
		snprintf(dst, sizeof(dst), "%s/%s", libdir, name);
		if (access(src, R_OK) < 0) {
			report("jail: the kernel needs %s, not found in %s; guest not started",
			       name, libdir);
			return -2;
		}
		if (add(j, src, dst) < 0)
			return -2;
	}
	return 0;
}

static int walk(struct jail *j, const struct elf *e, const char *kernel)
{
	const Elf64_Phdr *ph, *dyn = NULL;
	const char *interp = NULL;
	char real[PATH_MAX];
	int i, r;

	for (i = 0; i < e->eh->e_phnum && (ph = phdr(e, i)); i++) {
		if (ph->p_type == PT_INTERP && ph->p_filesz && ph->p_offset < e->size &&
		    ph->p_filesz <= e->size - ph->p_offset &&
		    e->p[ph->p_offset + ph->p_filesz - 1] == '\0')
			interp = (const char *)e->p + ph->p_offset;
		if (ph->p_type == PT_DYNAMIC)
			dyn = ph;
	}
	if (!interp)
		return 0;	/* static: nothing beside it */
	if (interp[0] != '/' || !realpath(interp, real) || add(j, interp, interp) < 0) {
		report("jail: %s: loader %s: %s; guest not started", kernel, interp,
		       errno ? strerror(errno) : "not usable");
		return -1;
	}
	r = dyn ? add_needed(j, e, dyn, dirname(real)) : 0;
	if (r == -1)
		report("jail: %s: its dynamic section is damaged; guest not started", kernel);
	return r < 0 ? -1 : 0;
}

static int read_all(int fd, unsigned char *buf, size_t size)
{
	size_t got = 0;
	ssize_t k;

	while (got < size) {
		k = read(fd, buf + got, size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		got += (size_t)k;
	}
	return 0;
}

int jail_add_libs(struct jail *j, const char *kernel)
{
	struct elf e = { NULL, 0, NULL };
	unsigned char *buf = NULL;
	struct stat st;
	int fd, r = -1;

	fd = open(kernel, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(Elf64_Ehdr) ||
	    st.st_size > ELF_MAX || !(buf = malloc((size_t)st.st_size)) ||
	    read_all(fd, buf, (size_t)st.st_size) < 0) {
		report("jail: %s: %s; guest not started", kernel,
		       errno ? strerror(errno) : "not a kernel binary");
		goto out;
	}
	e.p = buf;
	e.size = (size_t)st.st_size;
	e.eh = (const Elf64_Ehdr *)buf;
	if (memcmp(e.eh->e_ident, ELFMAG, SELFMAG) || e.eh->e_ident[EI_CLASS] != ELFCLASS64) {
		report("jail: %s: not a 64-bit ELF file; guest not started", kernel);
		goto out;
	}
	errno = 0;
	r = walk(j, &e, kernel);
out:
	free(buf);
	if (fd >= 0)
		close(fd);
	return r;
}
