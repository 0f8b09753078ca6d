#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The archive budget on the real lab: lab up refuses an archive whose disk
# cannot hold a run (on a small tmpfs in a mount namespace of this test's
# own); then a guest with a 128 MiB budget: an inbound flood from hn-inet
# uses up the capture's half (capture.full, pcap/ stops growing), an ssh
# session afterwards is still recorded, and the guest filling its own disk
# reaches the budget's end: hostd pauses it and the run is marked failed.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass python3 unshare zcat
lab_lock

T=$(mktemp -d /tmp/hn-budget-XXXXXX)
trap '"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$T"' EXIT
"$HONEYNET" lab down >/dev/null 2>&1
BUDGET=$((128 << 20))

# 1. No room: a 64 MiB tmpfs cannot hold the 2 GiB root_fs's COW. Refused
# before anything starts: no namespace, no state file, no run directory.
mkdir -p "$T/small"
unshare -m bash -c '
	mount -t tmpfs -o size=64m tmpfs "$1" || exit 90
	"$2" lab up --archive "$1/archive" >"$1.out" 2>&1
	echo $? >"$1.rc"
	"$2" lab up --archive "$1/archive" --budget 1G >"$1.out2" 2>&1
	ls -A "$1" >"$1.ls"
' _ "$T/small" "$HONEYNET"
out=$(cat "$T/small.out" 2>/dev/null)
echo "$out"
check "lab up on a 64 MiB archive filesystem: refused (exit 1)" [ "$(cat "$T/small.rc" 2>/dev/null)" = 1 ]
check "... saying how much is free and what it needs (root_fs + the default budget's capture half)" \
	grep -qE "^honeynet: archive $T/small/archive: [0-9.]+ MiB free, needs 2\.0 GiB \(root_fs 2\.0 GiB \+ capture [0-9.]+ MiB\); guest not started$" <<<"$out"
check "--budget 1G: the capture's half, 512 MiB, is what it adds" \
	grep -qF "needs 2.5 GiB (root_fs 2.0 GiB + capture 512.0 MiB); guest not started" "$T/small.out2"
check "... refused before anything started: no run directory, no namespace, no lab state" \
	bash -c '[ ! -s "$0" ] && [ ! -e /run/honeynet/lab.state ]' "$T/small.ls"
check "... and no lab namespace or guest process" lab_gone

# 2. A run with a 128 MiB budget: 64 MiB for pcap/.
check "lab up --budget 128M" "$HONEYNET" lab up --archive "$T/archive" --budget 128M
run=$(lab_run_dir "$T/archive")
check "meta.json: budget 128 MiB, capture share 64 MiB" python3 -c '
import json, sys
m = json.load(open(sys.argv[1] + "/meta.json"))
sys.exit(not (m["budget"]["bytes"] == 128 << 20 and m["budget"]["capture_share"] == 64 << 20))' "$run"

# flood MIB: incompressible UDP datagrams from the attacker to the guest.
flood() {
	ip netns exec hn-inet python3 -c '
import os, socket, sys, time
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(int(sys.argv[1]) * 749):
    try: u.sendto(os.urandom(1400), ("203.0.113.10", 9999))
    except OSError: time.sleep(0.001)   # a full send queue: a moment, then on
' "$1"
}
has_event() { grep -q "\"type\":\"$2\"" "$1/events.jsonl"; }
pcap_bytes() { find "$run/pcap" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

for i in 1 2 3 4; do
	flood 48
	wait_for 10 has_event "$run" capture.full && break
done
check "an inbound flood uses up the capture's share: capture.full" has_event "$run" capture.full
check "capture.full names the share and what pcap/ held (within the share)" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
f = [e for e in ev if e["type"] == "capture.full"]
ok = len(f) == 1 and f[0]["share"] == 64 << 20 and f[0]["budget"] == 128 << 20
ok = ok and 60 << 20 < f[0]["used"] <= 64 << 20 and f[0]["iface"] == "tap0"
ok or print("capture.full events:", f)
sys.exit(not ok)' "$run"
check "hostd.log says it once" [ "$(grep -c "capture's share of the budget, 64.0 MiB, is used up" "$run/hostd.log")" = 1 ]
sleep 2.5	# the last flush of what was written before
before=$(pcap_bytes)
flood 16
sleep 2.5
after=$(pcap_bytes)
check "pcap/ stops growing: $before bytes before 16 MiB more of flood, $after after" [ "$before" = "$after" ]
check "... and holds no more than the share" [ "$after" -le $((64 << 20)) ]

marker=budget-$RANDOM
out=$(attacker -tt "id; echo $marker-\$((6*7))" 2>/dev/null)
check "an ssh session after capture.full works" grep -q "$marker-42" <<<"$out"
# tty_has RUN TEXT: a pts session file under RUN/tty holds TEXT (what hostd flushed so far).
tty_has() {
	local f
	for f in "$1"/tty/*pts*.ttylog.gz; do
		zcat "$f" 2>/dev/null | grep -aq -- "$2" && return 0
	done
	return 1
}
check "... and is recorded in tty/ (its output in a pts session file, within 10 s on a busy host)" \
	wait_for 10 tty_has "$run" "$marker-42"
check "... and its exec records too (id, after capture.full)" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
i = [k for k, e in enumerate(ev) if e["type"] == "capture.full"][0]
sys.exit(not [e for e in ev[i:] if e["type"] == "exec" and e["argv"] == ["id"]])' "$run"

# 3. The budget's end: the attacker fills the guest's disk; disk.cow grows.
gp=$(guest_pid "$run")
attacker 'nohup dd if=/dev/urandom of=/root/fill bs=1M count=160 conv=fsync >/dev/null 2>&1 &'
check "the guest filling its disk reaches the budget's end: hostd.log names the budget, guest paused" \
	wait_for 120 grep -q "^hostd: archive $run: budget of 128.0 MiB (134217728 bytes) used up: the run directory holds [0-9.]* MiB; guest paused" "$run/hostd.log"
sleep 0.5
cg=$(python3 -c 'import json, sys
for e in map(json.loads, open(sys.argv[1])):
    if e["type"] == "guest.start": print(e["cgroup"]); break' "$run/events.jsonl")
frozen() {
	if cg_v2 "$cg"; then grep -qx 'frozen 1' "$cg/cgroup.events"
	else grep -qx FROZEN "$(cg_dir "$cg" freezer)/freezer.state"; fi
}
check "the guest is frozen (its cgroup's freezer; the jail's init $gp alive)" \
	bash -c "$(declare -f frozen cg_dir cg_v2); cg='$cg'; frozen && kill -0 '$gp'"
size=$(du -s -B1 "$run" | cut -f1)	# allocated: disk.cow is sparse
check "the run directory stopped near the budget: $size bytes (the dd wanted 160 MiB more)" \
	[ "$size" -lt $((BUDGET + (32 << 20))) ]
check "lab down stops the paused guest" "$HONEYNET" lab down
check "meta.json: state failed, the failure names the budget" python3 -c '
import json, sys
m = json.load(open(sys.argv[1] + "/meta.json"))
sys.exit(not (m["state"] == "failed" and "budget of 128.0 MiB (134217728 bytes) used up" in m["failure"]))' "$run"
check "capture.stats at stop counts the packets over the budget (dropped_budget)" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
s = [e for e in ev if e["type"] == "capture.stats" and e["reason"] == "stop"]
sys.exit(not (len(s) == 1 and s[0]["dropped_budget"] > 1000))' "$run"
check "lab down leaves no hn-* namespace and no guest process" lab_gone
exit $status
