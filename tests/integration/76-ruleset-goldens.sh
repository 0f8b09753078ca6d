#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The Data Control goldens (tests/unit/honeynet/golden/*.nft) are what the
# unit tests compare the renderer with; here each one is loaded into nft,
# so a golden nft would refuse cannot pass: `nft -c -f`, then `nft -f`
# (each replacing the last, as a reload does), then both tables removed.
# All of it inside a network namespace of this test's own, never the root
# namespace's firewall, where every interface the goldens' configs name
# exists (bridge mode's as ports of their bridge), as on a honeywall.
# timeout: 120
set -uo pipefail
source "$(dirname "$0")/lib.sh"
require root nft ip

golden=$TOP/tests/unit/honeynet/golden
ns=hn-dctest-$$
trap 'ip netns del "$ns" 2>/dev/null' EXIT
ip netns add "$ns" && ip -n "$ns" link set lo up ||
	{ fail "prerequisite: namespace $ns"; exit 1; }
in_ns() { ip netns exec "$ns" "$@"; }

# The honeywall.confs' outside, eth1, tap0, tap1; the honeynet.confs'
# eth1 and the taps hn-web and tap-db; br0 and br-hn with their ports.
# Each is one end of a veth pair (this kernel may lack the dummy driver).
setup_links() {
	local i n=0
	for i in outside eth1 tap0 tap1 hn-web tap-db; do
		ip -n "$ns" link add "$i" type veth peer name "peer$((n++))" || return 1
	done
	ip -n "$ns" link add br0 type bridge && ip -n "$ns" link add br-hn type bridge &&
		ip -n "$ns" link set outside master br0 && ip -n "$ns" link set tap0 master br0 &&
		ip -n "$ns" link set eth1 master br-hn && ip -n "$ns" link set hn-web master br-hn &&
		ip -n "$ns" link set tap-db master br-hn
}
setup_links || { fail "prerequisite: the interfaces in $ns"; exit 1; }

# Every golden the unit tests name, and no fewer than the four modes x configs.
mapfile -t files < <(ls "$golden"/*.nft 2>/dev/null)
named=$(grep -o '"[a-z0-9-]*\.nft"' "$TOP/tests/unit/honeynet/test_dc_ruleset.c" | tr -d '"' | sort -u)
check "the goldens are there: ${#files[@]} files, each one the unit tests name" \
	bash -c '[ "$0" -ge 4 ] && [ "$1" = "$2" ]' "${#files[@]}" \
	"$(printf '%s\n' "${files[@]##*/}" | sort -u)" "$named"
for f in "${files[@]}"; do
	n=${f##*/}
	links=$(grep -o 'ifname \(!= \)\?"[^"]*"' "$f" | grep -o '"[^"]*"' | tr -d '"' | sort -u)
	check "$n: every interface it names is here ($(echo $links))" \
		bash -c 'for l in $1; do ip -n "$0" link show "$l" >/dev/null || exit 1; done' "$ns" "$links"
	check "$n: nft -c -f accepts it" in_ns nft -c -f "$f"
	check "$n: nft -f loads it, table inet honeynet_dc then there" \
		in_ns bash -c 'nft -f "$0" && nft list table inet honeynet_dc >/dev/null' "$f"
done

# The honeynet.conf goldens: two honeypots, each with its own objects;
# in bridge mode each tap may reach only the outside port.
for f in "$golden"/*-honeynet-two.nft; do
	n=${f##*/}
	in_ns nft -f "$f"
	for i in 0 1; do
		check "$n: honeypot $i's counters, buckets and chains are loaded" in_ns bash -c "{
			nft list counter inet honeynet_dc h${i}_logged_out_tcp_allow &&
			nft list limit inet honeynet_dc h${i}_log_in &&
			nft list chain inet honeynet_dc h${i}_outbound; } >/dev/null"
	done
	[ "$n" = bridge-honeynet-two.nft ] || continue
	for tap in hn-web tap-db; do
		check "$n: $tap's frames go to eth1 only" in_ns bash -c \
			"nft list chain bridge honeynet_dc_br ports | grep -qF 'iifname \"$tap\" oifname != \"eth1\" drop'"
	done
done
printf 'table inet honeynet_dc\ndelete table inet honeynet_dc\ntable bridge honeynet_dc_br\ndelete table bridge honeynet_dc_br\n' |
	in_ns nft -f -
check "both tables removed: no table left" [ -z "$(in_ns nft list tables)" ]
exit $status
