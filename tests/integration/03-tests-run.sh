#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tests/run itself: nothing passes by saying nothing. Stand-in unit
# binaries and scripts in a scratch directory, each run through tests/run;
# its final line must count every non-zero exit, every missing result line
# and every time-out, and a clean pass must still count as one.
# timeout: 120
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# A tests/run that ignored INTEGRATION_SCRIPTS would run every script,
# the lab's too, from here: refuse to call it at all.
grep -q 'INTEGRATION_SCRIPTS' "$TOP/tests/run" ||
	{ fail "prerequisite: tests/run takes INTEGRATION_SCRIPTS"; exit 1; }
T=$(mktemp -d /tmp/tests-run-XXXXXX)
trap 'rm -rf "$T"' EXIT

# stub NAME BODY: an executable shell script.
stub() { printf '#!/bin/bash\n%s\n' "$2" >"$T/$1" && chmod +x "$T/$1"; }

# last_line KIND VAR=VALUE...: tests/run KIND's final line, with VAR set.
last_line() {
	local kind=$1
	shift
	env "$@" "$TOP/tests/run" "$kind" 2>/dev/null | tail -n 1
}

stub clean 'echo "100%: Checks: 3, Failures: 0, Errors: 0"'
stub leak 'echo "100%: Checks: 3, Failures: 0, Errors: 0"; exit 23'
stub failing 'echo "66%: Checks: 3, Failures: 1, Errors: 0"; exit 1'
stub silent 'exit 0'
check "a unit binary with a clean summary and exit 0 counts its checks" \
	[ "$(last_line unit UNIT_BINS="$T/clean")" = "3 passed, 0 failed" ]
check "a unit binary that exits 23 after a clean summary is one failure" \
	[ "$(last_line unit UNIT_BINS="$T/leak")" = "3 passed, 1 failed" ]
check "a unit binary's own failures are counted once, not again for its exit" \
	[ "$(last_line unit UNIT_BINS="$T/failing")" = "2 passed, 1 failed" ]
check "a unit binary with no summary is one failure" \
	[ "$(last_line unit UNIT_BINS="$T/silent")" = "0 passed, 1 failed" ]

printf 'echo "PASS: one"\necho "PASS: two"\n' >"$T/10-pass.sh"
printf 'exit 0\n' >"$T/20-quiet.sh"
printf 'echo "PASS: before the crash"\nexit 3\n' >"$T/30-crash.sh"
printf '#!/bin/bash\n# timeout: 1\necho "PASS: started"\nsleep 60\n' >"$T/40-hang.sh"
check "a script's PASS lines count" \
	[ "$(last_line integration INTEGRATION_SCRIPTS="$T/10-pass.sh")" = "2 passed, 0 failed" ]
check "a script that exits 0 with no PASS or FAIL line is one failure" \
	[ "$(last_line integration INTEGRATION_SCRIPTS="$T/20-quiet.sh")" = "0 passed, 1 failed" ]
check "a script that exits non-zero without a FAIL line is one failure" \
	[ "$(last_line integration INTEGRATION_SCRIPTS="$T/30-crash.sh")" = "1 passed, 1 failed" ]
start=$SECONDS
out=$(INTEGRATION_SCRIPTS="$T/40-hang.sh" "$TOP/tests/run" integration 2>&1)
check "a script past its '# timeout: 1' is stopped within 15 s and is one failure" \
	bash -c '[ "$0" = "1 passed, 1 failed" ] && [ "$1" -lt 15 ]' "$(tail -n 1 <<<"$out")" $((SECONDS - start))
check "the time-out's failure names the script and its limit" \
	grep -qx "FAIL: $T/40-hang.sh: timed out after its limit of 1 s" <<<"$out"

exit $status
