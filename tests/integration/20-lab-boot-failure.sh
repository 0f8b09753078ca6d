#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A guest that cannot boot: lab up says what it saw, fails, and cleans up.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux"
lab_lock

tmp=$(mktemp -d /tmp/hn-it-XXXXXX)
trap '"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$tmp"' EXIT
"$HONEYNET" lab down >/dev/null 2>&1

# An image with no filesystem: the kernel cannot mount its root.
truncate -s 64M "$tmp/blank_fs"
out=$("$HONEYNET" lab up --archive "$tmp/archive" --rootfs "$tmp/blank_fs" --timeout 20 2>&1)
rc=$?
echo "$out" | tail -n 8
check "lab up fails when the guest cannot boot" test "$rc" -ne 0
check "the failure shows the console log's tail" grep -q -- '--- last lines of' <<<"$out"
check "the tail shows why (the root mount failed)" grep -qiE 'mount root|VFS' <<<"$out"
check "a failed lab up leaves no hn-* namespace and no guest process" lab_gone

out=$("$HONEYNET" lab up --archive "$tmp/archive" --kernel "$tmp/missing" 2>&1)
rc=$?
check "a missing kernel is refused: exit 1, naming it" \
	bash -c '[ "$0" -eq 1 ] && grep -q "kernel $1" <<<"$2"' "$rc" "$tmp/missing" "$out"
out=$("$HONEYNET" lab up --mem 1 2>&1)
rc=$?
check "a bad option exits 2 and names it" test "$rc" -eq 2 -a -n "$(grep -- '--mem 1' <<<"$out")"
exit $status
