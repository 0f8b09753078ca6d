#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every patch in patches/series passes the kernel's own
# scripts/checkpatch.pl --strict with no errors (warnings are allowed and
# printed), and carries a Signed-off-by.
source "$(dirname "$0")/lib.sh"
checkpatch=$TOP/build/kernel/src/scripts/checkpatch.pl
require perl "$checkpatch"

while read -r p; do
	case $p in '' | '#'*) continue ;; esac
	f=$TOP/patches/$p
	out=$(cd "$TOP/build/kernel/src" && perl "$checkpatch" --strict --no-summary-file "$f" 2>/dev/null)
	total=$(grep '^total:' <<<"$out")
	check "$p: checkpatch --strict: ${total:-no summary}" grep -q '^total: 0 errors' <<<"$total"
	grep '^\(WARNING\|CHECK\):' <<<"$out" | sort | uniq -c | sed 's/^/    /'
	check "$p: Signed-off-by" grep -q '^Signed-off-by: ' "$f"
done < "$TOP/patches/series"
exit $status
