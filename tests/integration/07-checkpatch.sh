#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every patch in patches/series passes the kernel's own
# scripts/checkpatch.pl --strict with no errors (warnings are allowed and
# printed), and carries a Signed-off-by; so does every file the kernel
# shares with the host tools (patches/shared), which no patch carries. make refresh-patches runs it with
# CHECKPATCH_TREE, the kernel tree whose checkpatch.pl to use.
source "$(dirname "$0")/lib.sh"
ktree=${CHECKPATCH_TREE:-$TOP/build/kernel/src}
checkpatch=$ktree/scripts/checkpatch.pl
require perl "$checkpatch"

# checkpatch WHAT ARG...: checkpatch --strict ARG... has no errors; its
# warnings and checks are counted.
checkpatch() {
	local what=$1 out total
	shift
	out=$(cd "$ktree" && perl "$checkpatch" --strict --no-summary-file "$@" 2>/dev/null)
	total=$(grep '^total:' <<<"$out")
	check "$what: checkpatch --strict: ${total:-no summary}" grep -q '^total: 0 errors' <<<"$total"
	grep '^\(WARNING\|CHECK\):' <<<"$out" | sort | uniq -c | sed 's/^/    /'
}

while read -r p; do
	case $p in '' | '#'*) continue ;; esac
	f=$TOP/patches/$p
	checkpatch "$p" "$f"
	check "$p: Signed-off-by" grep -q '^Signed-off-by: ' "$f"
done < "$TOP/patches/series"

while read -r repo _; do
	checkpatch "$repo" -f "$TOP/$repo"
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/patches/shared")
exit $status
