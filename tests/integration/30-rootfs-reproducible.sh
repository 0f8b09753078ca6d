#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# rootfs/build twice in a row from the same package set: the same bytes.
source "$(dirname "$0")/lib.sh"
require root debootstrap mke2fs "$TOP/rootfs/build"

tmp=$(mktemp -d /var/tmp/hn-repro-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

check "rootfs/build --out A succeeds" "$TOP/rootfs/build" --out "$tmp/A"
check "rootfs/build --out B succeeds" "$TOP/rootfs/build" --out "$tmp/B"
a=$(sha256sum < "$tmp/A" | cut -d' ' -f1)
b=$(sha256sum < "$tmp/B" | cut -d' ' -f1)
echo "A $a"
echo "B $b"
check "the two images have the same sha256" test -n "$a" -a "$a" = "$b"
check "the manifests are identical" cmp "$tmp/A.manifest" "$tmp/B.manifest"
check "the manifest lists openssh-server with a version" \
	grep -qE '^openssh-server [0-9]' "$tmp/A.manifest"
check "no temporary image is left behind" \
	test -z "$(find "$tmp" -name '*.tmp*')"
exit $status
