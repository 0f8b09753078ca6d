#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Data Capture's read error: the captured interface disappears mid-run.
# hostd must say so as a hostd.error event (event "capture") naming the
# interface, say it once on stderr, fail closed (the guest paused, exit 4
# at stop), and keep what it wrote readable. Two throwaway namespaces
# (never hn-*) joined by a veth pair and a fake kernel; the root namespace
# is never touched.
# timeout: 120
set -uo pipefail
source "$(dirname "$0")/lib.sh"

HOSTD=$TOP/build/bin/hostd
require root python3 ip zcat "$HOSTD"
A=caperr-test-$$
B=caperr-test-$$-p
T=$(mktemp -d /tmp/hostd-caperr-XXXXXX)
chmod 755 "$T"	# the stand-in kernel runs as the jail's uid (hostd --jail off)
hp=
cleanup() {
	[ -n "$hp" ] && kill -9 "$hp" 2>/dev/null
	ip netns del "$A" 2>/dev/null
	ip netns del "$B" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

ip netns add "$A" && ip netns add "$B" &&
	ip -n "$A" link add veth0 type veth peer name veth1 netns "$B" &&
	ip -n "$A" addr add 10.9.1.1/24 dev veth0 && ip -n "$A" link set veth0 up &&
	ip -n "$B" addr add 10.9.1.2/24 dev veth1 && ip -n "$B" link set veth1 up ||
	{ fail "prerequisite: namespaces $A/$B with a veth pair"; exit 1; }
fake_kernel "$T/fake-kernel"

# event RUN TYPE [KEY=VALUE]: an event of TYPE (with that string member) in RUN/events.jsonl.
event() {
	python3 - "$@" <<'PY'
import json, sys
run, typ = sys.argv[1:3]
kv = dict(a.split("=", 1) for a in sys.argv[3:])
ev = [json.loads(l) for l in open(run + "/events.jsonl")]
sys.exit(not [e for e in ev if e["type"] == typ and all(e.get(k) == v for k, v in kv.items())])
PY
}

R=$T/run
ip netns exec "$A" "$HOSTD" --run-dir "$R" --capture veth0 --jail off -- "$T/fake-kernel" 2>"$T/err" &
hp=$!
check "hostd starts the capture and the guest" \
	wait_for 5 bash -c "$(declare -f event); event '$R' capture.start && event '$R' guest.start"
gp=$(guest_pid "$R")
check "the guest ($gp) runs before the error" bash -c '[[ $0 =~ ^[1-9][0-9]*$ ]] && kill -0 "$0"' "$gp"
ip netns exec "$B" ping -c 3 -i 0.2 -q 10.9.1.1 >/dev/null 2>&1
ip -n "$A" link del veth0
check "a hostd.error event (event capture) within 5 s of the interface's removal" \
	wait_for 5 event "$R" hostd.error event=capture
check "... its what names the interface: 'capture veth0: ...'" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
e = [e for e in ev if e["type"] == "hostd.error" and e.get("event") == "capture"]
sys.exit(not (len(e) == 1 and e[0]["what"].startswith("capture veth0: ") and len(e[0]["what"]) > 15))' "$R"
paused() { grep -qE "^hostd: capture veth0: [^;]+; guest paused" "$T/err"; }
check "stderr: 'hostd: capture veth0: ...; guest paused'" wait_for 5 paused
sleep 0.5
check "... said once" [ "$(grep -c "guest paused" "$T/err")" -eq 1 ]
check "hostd is still there, with the guest held" bash -c 'kill -0 "$0" && kill -0 "$1"' "$hp" "$gp"
kill -TERM "$hp"
wait "$hp"
rc=$?
hp=
check "SIGTERM after the failure: hostd exits 4 (recording failed)" [ "$rc" -eq 4 ]
check "the guest is gone after hostd's stop" gone "$gp"
check "meta.json is final and names the failure" python3 -c '
import json, sys
m = json.load(open(sys.argv[1] + "/meta.json"))
sys.exit(not (m["state"] != "running" and "capture veth0" in json.dumps(m)))' "$R"
ok=1
for f in "$R"/pcap/*; do zcat "$f" >/dev/null 2>&1 || ok=0; done
check "the pcap files written before the error gunzip whole" \
	bash -c '[ "$0" -eq 1 ] && ls "$1"/pcap/* >/dev/null 2>&1' "$ok" "$R"
sed 's/^/hostd stderr: /' "$T/err"
exit $status
