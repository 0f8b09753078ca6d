/* The fuzz targets' JSON oracle: what hostd's escaping promises of one events.jsonl line. */
#ifndef FUZZ_JSONCHECK_H
#define FUZZ_JSONCHECK_H

#include <stddef.h>

/*
 * 1 if s[0..n) is one JSON object as hostd writes it: '{' to '}', no
 * control byte or DEL anywhere, every string closed, brackets balanced
 * outside strings; 0 otherwise.
 */
int json_object_ok(const char *s, size_t n);

#endif
