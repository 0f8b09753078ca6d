/* The fuzz targets' JSON oracle (jsoncheck.h). */
#include "jsoncheck.h"

int json_object_ok(const char *s, size_t n)
{
	int inq = 0, esc = 0, depth = 0;
	size_t i;

	if (n < 2 || s[0] != '{' || s[n - 1] != '}')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			return 0;
		if (esc)
			esc = 0;
		else if (inq && c == '\\')
			esc = 1;
		else if (c == '"')
			inq = !inq;
		else if (!inq && (c == '{' || c == '['))
			depth++;
		else if (!inq && (c == '}' || c == ']') && --depth < 0)
			return 0;
	}
	return !inq && depth == 0;
}
