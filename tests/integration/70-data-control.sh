#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Data Control and Capture, the paper's Part V, from inside the guest as root,
# in NAT and in bridge mode: outbound limits per protocol, every packet
# captured whole, every attempt an event; bridge mode is invisible.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass \
	tcpdump python3
lab_lock

tmp=$(mktemp -d /tmp/hn-it-XXXXXX)
trap 'kill $cap 2>/dev/null; "$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$tmp"' EXIT
TARGET=203.0.113.200

# Counts what reached hn-inet in the test's own capture, by a tcpdump filter.
seen() { tcpdump -nr "$1" "$2" 2>/dev/null | wc -l; }

# Counts the attempts net.outbound events name, for a protocol and verdict:
# TCP and UDP by destination port, each flow here having its own, so a
# blocked SYN the guest retransmits is one attempt, logged twice.
outbound_events() {
	python3 - "$1" "$2" "$3" <<'PY'
import json, sys
events, proto, verdict = sys.argv[1:4]
seen, n = set(), 0
for line in open(events):
    e = json.loads(line)
    if e.get("type") == "net.outbound" and e.get("proto") == proto and e.get("verdict") == verdict:
        if "dport" in e:
            seen.add(e["dport"])
        else:
            n += 1
print(n + len(seen))
PY
}

part_v() {
	local mode=$1 archive=$tmp/$1 pcap=$tmp/$1-inet.pcap run events icmp_blocked=13
	"$HONEYNET" lab down >/dev/null 2>&1
	check "$mode: lab up" "$HONEYNET" lab up --mode "$mode" --archive "$archive"
	ip netns exec hn-inet tcpdump -U -n -s 0 -i eth0 -w "$pcap" \
		"src host not 203.0.113.100 and dst host $TARGET" 2>/dev/null &
	cap=$!
	sleep 1
	attacker "
		for p in \$(seq 8001 8015); do nc -z -w 1 $TARGET \$p; done
		for p in \$(seq 9001 9025); do echo x > /dev/udp/$TARGET/\$p; done
		for i in \$(seq 60); do ping -c 1 -W 0.3 $TARGET >/dev/null; done
		for proto in \$(seq 240 251); do echo x | socat -u - IP4-SENDTO:$TARGET:\$proto; done
		ping -c 3 -W 0.3 -p cafebabe $TARGET >/dev/null
		true" >/dev/null 2>&1
	sleep 2
	kill "$cap"; wait "$cap" 2>/dev/null
	check "$mode: 9 of 15 TCP connections reach the outside" \
		test "$(tcpdump -nr "$pcap" 'tcp[tcpflags] & tcp-syn != 0 and dst portrange 8001-8015' 2>/dev/null |
			awk '{print $5}' | sort -u | wc -l)" -eq 9
	check "$mode: 20 of 25 UDP flows reach the outside" \
		test "$(seen "$pcap" 'udp and dst portrange 9001-9025')" -eq 20
	check "$mode: 50 of 60 ICMP echo flows reach the outside" \
		test "$(seen "$pcap" 'icmp[icmptype] = icmp-echo')" -eq 50
	check "$mode: 10 of 12 flows of other IP protocols reach the outside" \
		test "$(seen "$pcap" 'ip[9] >= 240 and ip[9] <= 251')" -eq 10
	if [ "$mode" = bridge ]; then
		check "bridge: packets arrive with the TTL the guest sent (64)" \
			test "$(seen "$pcap" 'ip[8] != 64')" -eq 0 -a "$(seen "$pcap" 'ip[8] = 64')" -gt 0
		check "bridge: the honeywall has no IPv4 address on the honeypot's side" \
			test -z "$(ip -n hn-wall -4 -o addr show | grep -v ' lo ')"
		check "bridge: the NAT-mode wall address does not answer the guest" \
			attacker "! ping -c 1 -W 1 10.0.0.1 >/dev/null"
		# That probe was one more outbound ICMP attempt, over the limit.
		icmp_blocked=14
	fi
	check "$mode: lab down" "$HONEYNET" lab down
	run=$(ls -d "$archive"/*/ | head -n 1)
	events=$run/events.jsonl
	check "$mode: the archive's pcap holds the 3 pings with their payload whole" \
		test "$(for f in "$run"pcap/*; do case $f in *.gz) zcat "$f";; *) cat "$f";; esac |
			tcpdump -nr - 'icmp[icmptype] = icmp-echo and icmp[24:4] = 0xcafebabe' -x 2>/dev/null; done |
			grep -c 'cafe babe cafe babe')" -ge 3
	echo "$mode: net.outbound events by protocol and verdict:" $(python3 -c "
import json, collections
c = collections.Counter((e.get('proto'), e.get('verdict')) for e in map(json.loads, open('$events')) if e.get('type') == 'net.outbound')
print(sorted(c.items()))")
	check "$mode: every TCP attempt is a net.outbound event, 6 blocked" \
		test "$(outbound_events "$events" tcp allowed)" -eq 9 -a "$(outbound_events "$events" tcp blocked)" -eq 6
	check "$mode: every UDP attempt is an event, 5 blocked" \
		test "$(outbound_events "$events" udp allowed)" -eq 20 -a "$(outbound_events "$events" udp blocked)" -eq 5
	check "$mode: every ICMP attempt is an event, $icmp_blocked blocked" \
		test "$(outbound_events "$events" icmp allowed)" -eq 50 -a "$(outbound_events "$events" icmp blocked)" -eq "$icmp_blocked"
	check "$mode: every other-protocol attempt is an event, 2 blocked" \
		test "$(outbound_events "$events" other allowed)" -eq 10 -a "$(outbound_events "$events" other blocked)" -eq 2
	check "$mode: the ssh login is a net.inbound event" \
		grep -q '"type":"net.inbound".*"dport":22' "$events"
}

part_v nat
part_v bridge
exit $status
