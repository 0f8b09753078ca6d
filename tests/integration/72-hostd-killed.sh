#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fail closed: hostd killed with SIGKILL mid-run takes the guest with it
# (the kernel and every host process of its group, within seconds), the
# honeywall's outbound limits keep holding, and the pcap files already
# written read cleanly.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass \
	tcpdump tshark python3
lab_lock

tmp=$(mktemp -d /tmp/hn-it-XXXXXX)
trap 'kill $cap 2>/dev/null; "$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$tmp"' EXIT
"$HONEYNET" lab down >/dev/null 2>&1

check "lab up" "$HONEYNET" lab up --archive "$tmp/archive"
run=$(ls -d "$tmp"/archive/*/ | head -n 1)
ip netns exec hn-inet tcpdump -U -n -s 0 -i eth0 -w "$tmp/inet.pcap" \
	'tcp[tcpflags] & tcp-syn != 0 and dst host 203.0.113.200' 2>/dev/null &
cap=$!
sleep 1
# Five of the guest's nine TCP connections for the hour, through the guest.
attacker 'for p in $(seq 8001 8005); do nc -z -w 1 203.0.113.200 $p; done' >/dev/null 2>&1
# Let hostd flush the capture once before it dies.
sleep 2
hostd_pid=$(lab_hostd_pid)
kernel_pid=$(python3 -c "import json; print(json.load(open('$run/meta.json'))['guest']['pid'])")
# An empty or stale pid would make "! kill -0" below true: both must be
# numbers naming live processes, hostd's and the guest kernel's, first.
# live PID EXE...: PID is a number, not a zombie, and its exe is one of EXE.
live() {
	local pid=$1 exe
	shift
	[[ $pid =~ ^[1-9][0-9]*$ ]] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] &&
		exe=$(readlink "/proc/$pid/exe") && printf '%s\n' "$@" | grep -qxF -- "$exe"
}
check "hostd ($hostd_pid) is a live $TOP/build/bin/hostd before the kill" \
	live "$hostd_pid" "$TOP/build/bin/hostd"
# meta.json's guest.pid is the jail's init; the kernel is its one child,
# whose exe reads /linux (the jail's root; an unjailed one the build's).
init_pid=$kernel_pid
kernel_pid=$(awk '{ print $1 }' "/proc/$init_pid/task/$init_pid/children" 2>/dev/null)
check "the jail's init ($init_pid, meta.json guest.pid) runs the guest kernel ($kernel_pid), a live /linux" \
	live "$kernel_pid" "$TOP/build/linux" /linux
kill -KILL "$hostd_pid"
check "the guest kernel died with hostd within 5 s (fail closed)" gone "$kernel_pid"
check "the Data Control ruleset is still loaded" \
	bash -c 'ip netns exec hn-wall nft list table inet honeynet_dc >/dev/null' 
# hostd's guard kills the rest of the guest's process group (UML's host
# helpers, which are the kernel's children, not hostd's): nothing of the
# guest may run on unrecorded, and tap0 is free for the stand-in.
guest_gone() {
	! ls -l /proc/[0-9]*/exe 2>/dev/null | grep -qE -- "$TOP/build/(linux|bin/hostd)( |$)" &&
	! pgrep -u 64200 >/dev/null
}
for i in $(seq 50); do
	guest_gone && break
	sleep 0.1
done
check "within 5 s no process of the guest (UML's helpers) or of hostd is left" guest_gone
# A stand-in honeypot on tap0 tries ten more: only the four left may pass.
wall_mac=$(ip -n hn-wall -o link show tap0 | grep -o 'link/ether [0-9a-f:]*' | cut -d' ' -f2)
check "a stand-in honeypot sends 10 new TCP connections on tap0" \
	ip netns exec hn-wall python3 "$TOP/tests/integration/tap_honeypot.py" "$wall_mac" 10 8101
sleep 1
kill "$cap"; wait "$cap" 2>/dev/null
check "the limits still hold: 5 + 4 of the hour's 9 reached the outside" \
	test "$(tcpdump -nr "$tmp/inet.pcap" 2>/dev/null | awk '{print $5}' | sort -u | wc -l)" -eq 9
check "hostd left pcap files" test -n "$(ls "$run"pcap/ 2>/dev/null)"
for f in "$run"pcap/*; do
	check "$(basename "$f") reads cleanly with tcpdump" \
		bash -c "zcat '$f' 2>/dev/null | tcpdump -nr - >/dev/null 2>&1"
	check "$(basename "$f") reads with tshark, gzip and all, the same packets" \
		test "$(tshark -r "$f" 2>/dev/null | wc -l)" -eq "$(zcat "$f" 2>/dev/null | tcpdump -nr - 2>/dev/null | wc -l)"
done
check "the capture holds the guest's SYNs to 203.0.113.200" \
	test "$(for f in "$run"pcap/*; do zcat "$f" 2>/dev/null | tcpdump -nr - 'tcp[tcpflags] & tcp-syn != 0 and dst host 203.0.113.200' 2>/dev/null; done | wc -l)" -ge 5
check "lab down cleans up after a killed hostd" "$HONEYNET" lab down
check "nothing is left within 5 s of lab down" wait_for 5 lab_gone
exit $status
