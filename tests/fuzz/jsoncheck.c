// SPDX-License-Identifier: GPL-2.0
/* The fuzz targets' JSON oracle (jsoncheck.h), on jansson. */
#include "jsoncheck.h"

json_t *json_object_parse(const char *s, size_t n)
{
	json_error_t err;
	json_t *v;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return NULL;
	}
	v = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
	if (v && !json_is_object(v)) {
		json_decref(v);
		return NULL;
	}
	return v;
}

int json_object_ok(const char *s, size_t n)
{
	json_t *v = json_object_parse(s, n);

	json_decref(v);
	return v != NULL;
}
