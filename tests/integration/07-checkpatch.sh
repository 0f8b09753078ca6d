#!/bin/bash
# Every patch in patches/series passes the kernel's own
# scripts/checkpatch.pl --strict with no errors (warnings are allowed and
# printed), and carries a Signed-off-by. make refresh-patches runs it with
# CHECKPATCH_TREE, the kernel tree whose checkpatch.pl to use.
source "$(dirname "$0")/lib.sh"
ktree=${CHECKPATCH_TREE:-$TOP/build/kernel/src}
checkpatch=$ktree/scripts/checkpatch.pl
require perl "$checkpatch"

while read -r p; do
	case $p in '' | '#'*) continue ;; esac
	f=$TOP/patches/$p
	out=$(cd "$ktree" && perl "$checkpatch" --strict --no-summary-file "$f" 2>/dev/null)
	total=$(grep '^total:' <<<"$out")
	check "$p: checkpatch --strict: ${total:-no summary}" grep -q '^total: 0 errors' <<<"$total"
	grep '^\(WARNING\|CHECK\):' <<<"$out" | sort | uniq -c | sed 's/^/    /'
	check "$p: Signed-off-by" grep -q '^Signed-off-by: ' "$f"
done < "$TOP/patches/series"
exit $status
