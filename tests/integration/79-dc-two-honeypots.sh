#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Data Control for two honeypots, each on its own tap, with real packets:
# the honeynet.conf goldens (what the unit tests hold the renderer to)
# loaded on a honeywall namespace between an outside host and two
# honeypot namespaces, in NAT and in bridge mode. Each honeypot is reached
# and reaches the outside, on its own counters and within its own limits;
# neither reaches the other's tap nor the wall. All of it in namespaces of
# this test's own (dct-PID-*: not hn-, which lab_gone takes for a lab's),
# never the root namespace or the lab's.
# timeout: 120
set -uo pipefail
source "$(dirname "$0")/lib.sh"
require root nft ip python3

golden=$TOP/tests/unit/honeynet/golden
pre=dct-$$
W=$pre-w O=$pre-o A=$pre-a B=$pre-b
cleanup() { local n; for n in "$W" "$O" "$A" "$B"; do ip netns del "$n" 2>/dev/null; done; }
trap cleanup EXIT
on() { local n=$1; shift; ip netns exec "$n" "$@"; }

# make_links: the four namespaces, the wall's eth1 to the outside host and
# its taps hn-web and tap-db (veth ends, as the configs name them) to the
# honeypots, each peer eth0. IPv6 is off, so the only packets are the
# test's (a tap's IPv6 would be its honeypot's stray, counted).
make_links() {
	local n
	for n in "$W" "$O" "$A" "$B"; do
		ip netns add "$n" && ip -n "$n" link set lo up || return 1
	done
	ip -n "$W" link add eth1 type veth peer name eth0 netns "$O" &&
		ip -n "$W" link add hn-web type veth peer name eth0 netns "$A" &&
		ip -n "$W" link add tap-db type veth peer name eth0 netns "$B" || return 1
	for n in "$W" "$O" "$A" "$B"; do
		on "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 || return 1
	done
	for n in "$O" "$A" "$B"; do ip -n "$n" link set eth0 up || return 1; done
	for n in eth1 hn-web tap-db; do ip -n "$W" link set "$n" up || return 1; done
}

# count TABLE COUNTER: the packets nft counted on the wall.
count() {
	on "$W" nft list counter $1 "$2" | grep -o 'packets [0-9]*' | cut -d' ' -f2
}
# counts TABLE WANT COUNTER...: the counters' packets are WANT ("1 0 ..."), in order.
counts() {
	local table=$1 want=$2 got="" c
	shift 2
	for c in "$@"; do got="$got${got:+ }$(count "$table" "$c")"; done
	[ "$got" = "$want" ] || { echo "counters $*: $got, not $want" >&2; return 1; }
}
# reaches NS ADDR [SRC]: a TCP connection attempt from NS (from address
# SRC) to ADDR's closed port 9 is answered: refused, by its host's RST.
# Each attempt is a new connection, given 0.8 s: less than a SYN's first
# retransmission, so a dropped one is counted once.
reaches() {
	on "$1" python3 -c '
import socket, sys
s = socket.socket()
s.settimeout(0.8)
if len(sys.argv) > 2:
    s.bind((sys.argv[2], 0))
try:
    s.connect((sys.argv[1], 9))
except ConnectionRefusedError:
    sys.exit(0)
except OSError:
    sys.exit(1)
' "${@:2}"
}
unreached() { ! reaches "$@"; }
# tries NS ADDR N: N attempts, whatever becomes of them.
tries() {
	local i
	for ((i = 0; i < $3; i++)); do reaches "$1" "$2"; done
	return 0
}

# --- NAT: the wall routes; 10.0.0.1 on both taps is each one's gateway,
# and each honeypot routes the other's address through it.
make_links || { fail "prerequisite: the NAT namespaces"; exit 1; }
on "$W" sysctl -qw net.ipv4.ip_forward=1 &&
	ip -n "$W" addr add 203.0.113.1/24 dev eth1 &&
	ip -n "$W" addr add 203.0.113.10/32 dev eth1 && ip -n "$W" addr add 203.0.113.11/32 dev eth1 &&
	ip -n "$W" addr add 10.0.0.1/32 dev hn-web && ip -n "$W" route add 10.0.0.2 dev hn-web &&
	ip -n "$W" addr add 10.0.0.1/32 dev tap-db && ip -n "$W" route add 10.0.0.3 dev tap-db &&
	ip -n "$O" addr add 203.0.113.100/24 dev eth0 &&
	ip -n "$A" addr add 10.0.0.2/24 dev eth0 && ip -n "$A" route add default via 10.0.0.1 &&
	ip -n "$B" addr add 10.0.0.3/24 dev eth0 && ip -n "$B" route add default via 10.0.0.1 &&
	ip -n "$A" route add 10.0.0.3/32 via 10.0.0.1 && ip -n "$B" route add 10.0.0.2/32 via 10.0.0.1 ||
	{ fail "prerequisite: the NAT addresses"; exit 1; }

check "nat, control: without the ruleset web reaches db through the wall" reaches "$A" 10.0.0.3
check "nat: nat-honeynet-two.nft loads on the wall" on "$W" nft -f "$golden/nat-honeynet-two.nft"
inet="inet honeynet_dc"
check "nat: the outside reaches web at 203.0.113.10" reaches "$O" 203.0.113.10
check "nat: ... and db at 203.0.113.11" reaches "$O" 203.0.113.11
check "nat: one inbound TCP attempt each, each on its own counter" \
	counts "$inet" "1 1" h0_logged_in_tcp_allow h1_logged_in_tcp_allow
check "nat: web reaches the outside" reaches "$A" 203.0.113.100
check "nat: db reaches the outside" reaches "$B" 203.0.113.100
check "nat: one outbound TCP attempt each" counts "$inet" "1 1" h0_logged_out_tcp_allow h1_logged_out_tcp_allow
check "nat: web does not reach db's tap" unreached "$A" 10.0.0.3
check "nat: ... dropped as web's stray, not db's" \
	counts "$inet" "1 0" h0_logged_out_stray_drop h1_logged_out_stray_drop
check "nat: web does not reach the wall" unreached "$A" 10.0.0.1
check "nat: db does not reach the wall" unreached "$B" 10.0.0.1
check "nat: each dropped on its own wall counter" \
	counts "$inet" "1 1" h0_logged_out_wall_drop h1_logged_out_wall_drop
# web's own limit_tcp is 3 an hour, db's the default 9: four more each.
tries "$A" 203.0.113.100 4
tries "$B" 203.0.113.100 4
check "nat: web's 5 TCP attempts: its own limit of 3 passes, 2 dropped" \
	counts "$inet" "3 2" h0_logged_out_tcp_allow h0_logged_out_tcp_drop
check "nat: db's 5: all within its limit of 9, whatever web spent" \
	counts "$inet" "5 0" h1_logged_out_tcp_allow h1_logged_out_tcp_drop
cleanup

# --- Bridge: the wall is a bridge of eth1 and the taps, with no address.
make_links || { fail "prerequisite: the bridge namespaces"; exit 1; }
ip -n "$W" link add br-hn type bridge && ip -n "$W" link set br-hn up &&
	ip -n "$W" link set eth1 master br-hn && ip -n "$W" link set hn-web master br-hn &&
	ip -n "$W" link set tap-db master br-hn &&
	on "$W" sysctl -qw net.bridge.bridge-nf-call-iptables=1 &&
	ip -n "$O" addr add 203.0.113.100/24 dev eth0 && ip -n "$O" addr add 203.0.113.1/24 dev eth0 &&
	ip -n "$A" addr add 203.0.113.10/24 dev eth0 && ip -n "$B" addr add 203.0.113.12/24 dev eth0 ||
	{ fail "prerequisite: the bridge, its ports and addresses"; exit 1; }
# Each honeypot knows the other's link address, as if ARP had told it
# (ARP between the taps is what the ruleset drops first).
mac() { ip -n "$1" -br link show eth0 | awk '{ print $3 }'; }
ip -n "$A" neigh replace 203.0.113.12 lladdr "$(mac "$B")" dev eth0 &&
	ip -n "$B" neigh replace 203.0.113.100 lladdr "$(mac "$O")" dev eth0 ||
	{ fail "prerequisite: the static neighbours"; exit 1; }

check "bridge, control: without the ruleset web reaches db across the bridge" reaches "$A" 203.0.113.12
check "bridge: bridge-honeynet-two.nft loads on the wall" on "$W" nft -f "$golden/bridge-honeynet-two.nft"
br="bridge honeynet_dc_br"
check "bridge: the outside reaches web" reaches "$O" 203.0.113.10
check "bridge: web reaches the outside" reaches "$A" 203.0.113.100
check "bridge: db reaches the outside" reaches "$B" 203.0.113.100
check "bridge: each on its own counters, through the inet table" counts "$inet" "1 1 1 0" \
	h0_logged_in_tcp_allow h0_logged_out_tcp_allow h1_logged_out_tcp_allow h1_logged_in_tcp_allow
check "bridge: web does not reach db's tap" unreached "$A" 203.0.113.12
check "bridge: ... dropped in the bridge table as web's stray, not db's" \
	counts "$br" "1 0" h0_logged_out_stray_drop h1_logged_out_stray_drop
check "bridge: ... before the inet table spent anything of web's" \
	counts "$inet" "1 0" h0_logged_out_tcp_allow h0_logged_out_tcp_drop
ip -n "$B" addr add 203.0.113.10/32 dev eth0
check "bridge: db sending as web's address does not get out" \
	unreached "$B" 203.0.113.100 203.0.113.10
check "bridge: ... dropped as db's stray" counts "$br" "1 1" h0_logged_out_stray_drop h1_logged_out_stray_drop
exit $status
