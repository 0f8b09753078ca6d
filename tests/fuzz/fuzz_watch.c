// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: the watch feed's reader and formatter over any events.jsonl line, against what reaches a terminal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsoncheck.h"
#include "watch_format.h"
#include "watch_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus-watch";

#define CHECK(c) do { if (!(c)) abort(); } while (0)

/*
 * The input is one byte (modulo 24: the name column's width), then an
 * events.jsonl line without its newline. hostd writes the line, but its
 * strings are the guest's and the archive may be damaged, so it may be
 * anything. Oracles: the feed line is printable ASCII (no escape byte
 * reaches the terminal), at most WATCH_WIDTH columns, as long as the
 * length returned, and starts with a time column; and every line jansson
 * (an independent parser) reads as an object within the reader's limits
 * is read by watch_json too, so no real event shows as unreadable.
 */

/* How deep v's containers nest (a scalar: 0). */
static size_t depth(json_t *v)
{
	size_t d = 0, i, x;
	const char *k;
	json_t *c;

	if (json_is_object(v)) {
		json_object_foreach(v, k, c) {
			x = depth(c);
			d = x > d ? x : d;
		}
		return d + 1;
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, c) {
			x = depth(c);
			d = x > d ? x : d;
		}
		return d + 1;
	}
	return 0;
}

/* jansson's object within watch_json's limits: members, and nesting below a member. */
static int within_limits(json_t *o)
{
	const char *k;
	json_t *c;

	if (json_object_size(o) > WJ_MAX_MEMBERS)
		return 0;
	json_object_foreach(o, k, c) {
		if (depth(c) > WJ_MAX_DEPTH)
			return 0;
	}
	return 1;
}

static void check_line(const char *out, size_t len)
{
	size_t i;

	CHECK(len <= WATCH_WIDTH && strlen(out) == len);
	for (i = 0; i < len; i++)
		CHECK(out[i] >= 0x20 && out[i] < 0x7f);
	CHECK(len >= 9 && out[2] == ':' && out[5] == ':' && out[8] == ' ');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct wj_object o;
	char out[WATCH_WIDTH + 1];
	const char *line = (const char *)data + 1;
	json_t *j;

	if (size < 1)
		return 0;
	size--;
	check_line(out, watch_format(out, "web", data[0] % 24, line, size));
	j = json_object_parse(line, size);
	if (j) {
		if (within_limits(j))
			CHECK(wj_parse(line, size, &o) == 0);
		json_decref(j);
	}
	return 0;
}
