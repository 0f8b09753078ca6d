#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The Data Control goldens (tests/unit/honeynet/golden/*.nft) are what the
# unit tests compare the renderer with; here each one is loaded into nft,
# so a golden nft would refuse cannot pass: `nft -c -f`, then `nft -f`
# (each replacing the last, as a reload does), then both tables removed.
# All of it inside a network namespace of this test's own, never the root
# namespace's firewall.
# timeout: 120
set -uo pipefail
source "$(dirname "$0")/lib.sh"
require root nft ip

golden=$TOP/tests/unit/honeynet/golden
ns=dc-golden-$$
trap 'ip netns del "$ns" 2>/dev/null' EXIT
ip netns add "$ns" && ip -n "$ns" link set lo up ||
	{ fail "prerequisite: namespace $ns"; exit 1; }
in_ns() { ip netns exec "$ns" "$@"; }

# Every golden the unit tests name, and no fewer than the four modes x configs.
mapfile -t files < <(ls "$golden"/*.nft 2>/dev/null)
named=$(grep -o '"[a-z0-9-]*\.nft"' "$TOP/tests/unit/honeynet/test_dc_ruleset.c" | tr -d '"' | sort -u)
check "the goldens are there: ${#files[@]} files, each one the unit tests name" \
	bash -c '[ "$0" -ge 4 ] && [ "$1" = "$2" ]' "${#files[@]}" \
	"$(printf '%s\n' "${files[@]##*/}" | sort -u)" "$named"
for f in "${files[@]}"; do
	n=${f##*/}
	check "$n: nft -c -f accepts it" in_ns nft -c -f "$f"
	check "$n: nft -f loads it, table inet honeynet_dc then there" \
		in_ns bash -c 'nft -f "$0" && nft list table inet honeynet_dc >/dev/null' "$f"
done
printf 'table inet honeynet_dc\ndelete table inet honeynet_dc\ntable bridge honeynet_dc_br\ndelete table bridge honeynet_dc_br\n' |
	in_ns nft -f -
check "both tables removed: no table left" [ -z "$(in_ns nft list tables)" ]
exit $status
