#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# honeynet ruleset: a real host's honeywall config, checked and rendered for nft.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" nft

ns=rs-test-$$
trap 'ip netns del "$ns" 2>/dev/null' EXIT
ip netns add "$ns"
ip -n "$ns" link add outside type veth peer name tap0
example=$TOP/tools/honeynet/conf/honeywall.conf.example
in_ns() { ip netns exec "$ns" "$@"; }

check "the example config renders where its interfaces exist" \
	in_ns bash -c "'$HONEYNET' ruleset '$example' | grep -q 'table inet honeynet_dc {'"
check "the rendered ruleset loads with nft -f" \
	in_ns bash -c "'$HONEYNET' ruleset '$example' | nft -f -"
check "it creates the table inet honeynet_dc" in_ns bash -c 'nft list table inet honeynet_dc >/dev/null' 
check "its objects are the one honeypot's own: h0_ counters, buckets and chains" in_ns bash -c '
	nft list counter inet honeynet_dc h0_unlogged_in_tcp_allow >/dev/null &&
	nft list limit inet honeynet_dc h0_log_out >/dev/null &&
	nft list chain inet honeynet_dc h0_inbound | grep -qF "goto h0_log_in_tcp_allow"'
check "--remove removes it again" in_ns bash -c "'$HONEYNET' ruleset --remove | nft -f - &&
	! nft list table inet honeynet_dc 2>/dev/null"
ip -n "$ns" link del outside
out=$(in_ns "$HONEYNET" ruleset "$example" 2>&1)
rc=$?
check "a missing interface is refused by name, with nothing printed" \
	test "$rc" -eq 1 -a -z "$(grep -v '^honeynet:' <<<"$out")" -a -n "$(grep 'outside_if = outside' <<<"$out")"
printf 'mode = nat\nhoneypot = 203.0.113.10 10.0.0.2\noutside_if = outside\nlimit_tcp = 0\n' > "/tmp/$ns.conf"
out=$("$HONEYNET" ruleset "/tmp/$ns.conf" 2>&1)
rm -f "/tmp/$ns.conf"
check "a limit of zero is refused, naming the setting and line" grep -q 'line 4: limit_tcp = 0' <<<"$out"
check "a missing config file is refused by path" \
	grep -q '/nonexistent/hw.conf' <<<"$("$HONEYNET" ruleset /nonexistent/hw.conf 2>&1)"
exit $status
