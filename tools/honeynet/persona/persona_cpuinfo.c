// SPDX-License-Identifier: GPL-2.0
/* The guest's /proc/cpuinfo, derived from the host's for one virtual CPU. */
#include <stdio.h>
#include <string.h>

#include "persona_cpuinfo.h"

/* x86's show_cpuinfo order; a value here replaces the host's. */
static const struct {
	const char *key;
	const char *value;	/* NULL: the host's own */
	int required;
} fields[] = {
	{ "processor", "0", 1 },
	{ "vendor_id", NULL, 1 },
	{ "cpu family", NULL, 1 },
	{ "model", NULL, 1 },
	{ "model name", NULL, 1 },
	{ "stepping", NULL, 0 },
	{ "microcode", NULL, 0 },
	{ "cpu MHz", NULL, 0 },
	{ "cache size", NULL, 0 },
	{ "physical id", "0", 0 },
	{ "siblings", "1", 0 },
	{ "core id", "0", 0 },
	{ "cpu cores", "1", 0 },
	{ "apicid", "0", 0 },
	{ "initial apicid", "0", 0 },
	{ "fpu", NULL, 0 },
	{ "fpu_exception", NULL, 0 },
	{ "cpuid level", NULL, 0 },
	{ "wp", NULL, 0 },
	{ "flags", NULL, 1 },
	{ "bugs", NULL, 0 },
	{ "bogomips", NULL, 0 },
	{ "TLB size", NULL, 0 },
	{ "clflush size", NULL, 0 },
	{ "cache_alignment", NULL, 0 },
	{ "address sizes", NULL, 0 },
	{ "power management", "", 0 },	/* a vCPU has none */
};

/*
 * The flags of CPUID leaf 1's ECX, as Linux names them: "hypervisor" is
 * its bit 31, so x86 prints it right after the last of these.
 */
static const char *const leaf1_ecx[] = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
	"tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", "pcid",
	"dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", "avx", "f16c", "rdrand",
};

struct text {
	char *buf;
	size_t cap;
	size_t len;
	int full;
};

static void add(struct text *t, const char *s, size_t n)
{
	if (t->len + n >= t->cap) {
		t->full = 1;
		return;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
}

/* The line of block[0..len) whose key (before ':', blanks trimmed) is key. */
static const char *find_line(const char *block, size_t len, const char *key,
			     size_t *linelen, size_t *keyend)
{
	const char *p = block, *end = block + len, *nl, *colon;
	size_t k;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		colon = memchr(p, ':', (size_t)(nl - p));
		if (!colon)
			continue;
		for (k = (size_t)(colon - p); k > 0 && (p[k - 1] == ' ' ||
							p[k - 1] == '\t'); k--)
			;
		if (k == strlen(key) && memcmp(p, key, k) == 0) {
			*linelen = (size_t)(nl - p);
			*keyend = (size_t)(colon - p) + 1;
			return p;
		}
	}
	return NULL;
}

static int is_leaf1_ecx(const char *flag, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(leaf1_ecx) / sizeof(leaf1_ecx[0]); i++) {
		if (strlen(leaf1_ecx[i]) == n && memcmp(leaf1_ecx[i], flag, n) == 0)
			return 1;
	}
	return 0;
}

/* The flags value v[0..n) with "hypervisor" where x86 would print it. */
static void add_flags(struct text *t, const char *v, size_t n)
{
	size_t i = 0, w, at = n;

	while (i < n) {
		while (i < n && v[i] == ' ')
			i++;
		for (w = 0; i + w < n && v[i + w] != ' '; w++)
			;
		if (w == 10 && memcmp(v + i, "hypervisor", 10) == 0) {
			add(t, v, n);
			return;
		}
		if (w && is_leaf1_ecx(v + i, w))
			at = i + w;
		i += w;
	}
	add(t, v, at);
	add(t, " hypervisor", 11);
	add(t, v + at, n - at);
}

int persona_cpuinfo(const char *host, size_t len, char *out, size_t cap,
		    char *err, size_t errlen)
{
	struct text t = { out, cap, 0, 0 };
	const char *block_end, *line;
	size_t i, blen, linelen, keyend;

	/* Processor 0's block ends at the first blank line. */
	block_end = memmem(host, len, "\n\n", 2);
	blen = block_end ? (size_t)(block_end - host) + 1 : len;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		line = find_line(host, blen, fields[i].key, &linelen, &keyend);
		if (!line && fields[i].required) {
			snprintf(err, errlen, "no \"%s\" line for processor 0; is this an x86 host?",
				 fields[i].key);
			return -1;
		}
		if (!line)
			continue;
		add(&t, line, keyend);
		if (fields[i].value && *fields[i].value) {
			add(&t, " ", 1);
			add(&t, fields[i].value, strlen(fields[i].value));
		} else if (strcmp(fields[i].key, "flags") == 0) {
			add_flags(&t, line + keyend, linelen - keyend);
		} else if (!fields[i].value) {
			add(&t, line + keyend, linelen - keyend);
		}
		add(&t, "\n", 1);
	}
	add(&t, "\n", 1);
	if (t.full) {
		snprintf(err, errlen, "more than %zu bytes for one CPU", cap);
		return -1;
	}
	return (int)t.len;
}
