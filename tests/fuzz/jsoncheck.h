/* SPDX-License-Identifier: GPL-2.0 */
/* The fuzz targets' JSON oracle: what hostd's escaping promises of one events.jsonl line. */
#ifndef FUZZ_JSONCHECK_H
#define FUZZ_JSONCHECK_H

#include <stddef.h>

#include <jansson.h>

/*
 * s[0..n) as one JSON object, parsed by jansson (a real parser, not
 * hostd's code), or NULL if it is not exactly one object with no
 * duplicate key and no control byte or DEL anywhere (hostd escapes them,
 * so a line stays one printable line). The caller json_decref()s it.
 */
json_t *json_object_parse(const char *s, size_t n);

/* 1 if s[0..n) is such an object, 0 otherwise. */
int json_object_ok(const char *s, size_t n);

#endif
