/* Runs every hostd unit suite; the exit status says whether any test failed. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	Suite *(*const suites[])(void) = {
		wire_suite, payload_suite, session_suite, json_suite,
		ttyfile_suite, archive_suite, pcapfile_suite, rotate_suite,
		nflog_suite, conncount_suite, netopts_suite, connlog_suite,
	};
	SRunner *sr = srunner_create(NULL);
	size_t i;
	int failed;

	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
