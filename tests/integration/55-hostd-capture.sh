#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# hostd's Data Capture and connection events without the guest: two
# throwaway network namespaces (cap-test-N and cap-test-N-p, never hn-*)
# joined by a veth pair, a small nftables ruleset that logs to NFLOG group 5
# with Data Control's prefixes, a fake kernel, and python3 for the traffic.
# Checks: rotated gzip pcaps that tcpdump reads with whole payloads,
# rotation on the clock while idle, capture.stats, net.* events with their
# counts and verdicts, hostd running as nobody with no capabilities while the
# stand-in kernel runs as the jail's uid (--jail off: a shell script cannot
# run in the real jail), a SIGKILL'd hostd's .part file, fail-closed on a
# full disk, and the options' errors. The root namespace is never touched.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

HOSTD=$TOP/build/bin/hostd
require root python3 ip nft tcpdump zcat unshare "$HOSTD"
getent passwd nobody >/dev/null || { fail "prerequisite: user nobody is missing"; exit 1; }
A=cap-test-$$
B=cap-test-$$-p
T=$(mktemp -d /tmp/hostd-cap-XXXXXX)
chmod 755 "$T"	# the stand-in kernel runs as the jail's uid
kids=()
cleanup() {
	local p
	for p in "${kids[@]}"; do kill -9 "$p" 2>/dev/null; done
	ip netns del "$A" 2>/dev/null
	ip netns del "$B" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

net_up() {
	ip netns add "$A" && ip netns add "$B" &&
	ip -n "$A" link add veth0 type veth peer name veth1 netns "$B" &&
	ip -n "$A" addr add 10.9.0.1/24 dev veth0 && ip -n "$A" link set veth0 up &&
	ip -n "$A" link set lo up &&
	ip -n "$B" addr add 10.9.0.2/24 dev veth1 && ip -n "$B" link set veth1 up &&
	ip -n "$B" link set lo up &&
	ip netns exec "$A" nft -f - <<'NFT'
table inet hn {
	chain out {
		type filter hook output priority 0; policy accept;
		ct state new meta l4proto udp udp dport 53 log group 5 prefix "hn out dns allow" accept
		ct state new meta l4proto tcp tcp dport 9 log group 5 prefix "hn out tcp drop" drop
		ct state new meta l4proto tcp log group 5 prefix "hn out tcp allow" accept
		ct state new meta l4proto udp log group 5 prefix "hn out udp allow" accept
		ct state new meta l4proto icmp log group 5 prefix "hn out icmp allow" accept
		ct state new ip protocol 47 log group 5 prefix "hn out other drop" drop
	}
	chain in {
		type filter hook input priority 0; policy accept;
		ct state new meta l4proto tcp log group 5 prefix "hn in tcp allow" accept
		ct state new udp dport 7777 log group 5 prefix "hn in unfiltered drop" drop
	}
}
NFT
}
net_up || { fail "prerequisite: namespaces $A/$B with a veth pair and nftables"; exit 1; }
pass "namespaces $A and $B, a veth pair, the NFLOG ruleset"

fake_kernel "$T/fake-kernel"

# The traffic: from A (the "honeypot" side) ICMP echo with a cafebabe
# payload, TCP to 80, 81 and 9 (dropped), UDP to 53 (DNS) and 5000, GRE
# (dropped); from B TCP to 22 and UDP to 7777 (dropped). flood: 600
# incompressible UDP datagrams from B. pings N: N echo requests from A.
cat >"$T/traffic.py" <<'PY'
import os, socket, struct, sys, time
def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
def pings(n):
    ic = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    for seq in range(n):
        body = struct.pack("!HH", 0x1234, seq) + bytes.fromhex("cafebabe") * 16
        ic.sendto(struct.pack("!BBH", 8, 0, csum(struct.pack("!BBH", 8, 0, 0) + body)) + body, ("10.9.0.2", 0))
        time.sleep(0.05)
def tcp(host, port):
    s = socket.socket(); s.setblocking(False)
    try: s.connect((host, port))
    except OSError: pass
    time.sleep(0.2); s.close()   # before a SYN would be sent again
role = sys.argv[1]
if role == "a":
    pings(3)
    for port in (80, 81, 9): tcp("10.9.0.2", port)
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.sendto(b"dns?", ("10.9.0.2", 53)); u.sendto(b"hello", ("10.9.0.2", 5000))
    g = socket.socket(socket.AF_INET, socket.SOCK_RAW, 47)
    try: g.sendto(b"\0\0\x08\0" + b"x" * 20, ("10.9.0.2", 0))
    except OSError: pass         # the ruleset drops it: EPERM
elif role == "b":
    tcp("10.9.0.1", 22)
    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"in", ("10.9.0.1", 7777))
elif role == "pings":
    pings(int(sys.argv[2]))
elif role == "flood":
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for i in range(600):
        u.sendto(os.urandom(1400), ("10.9.0.1", 9999)); time.sleep(0.001)
PY

# wait_event RUN TYPE: up to 5 s for an event of TYPE in RUN/events.jsonl.
wait_event() {
	local i
	for i in $(seq 50); do
		grep -q "\"type\":\"$2\"" "$1/events.jsonl" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
status_field() { awk -v k="$2:" '$1 == k { $1 = ""; print substr($0, 2) }' "/proc/$1/status"; }
# pcap_check DIR OUT: every file decodes (a .part up to its cut); OUT gets
# JSON: files, records, full (caplen == len for all), cafebabe (records
# holding the whole 64-byte payload), bad (records cut mid-way).
pcap_check() {
	python3 - "$1" >"$2" <<'PY'
import json, os, struct, sys, zlib
d = sys.argv[1]
out = {"files": [], "records": 0, "full": True, "cafebabe": 0, "bad": 0}
for f in sorted(os.listdir(d)):
    raw = open(os.path.join(d, f), "rb").read()
    z = zlib.decompressobj(31)
    data = z.decompress(raw)
    out["files"].append(f)
    if data[:4] != b"\xd4\xc3\xb2\xa1" or struct.unpack("<I", data[20:24])[0] != 1 or \
            struct.unpack("<I", data[16:20])[0] != 262144:
        out["bad"] += 1; continue
    off = 24
    while off < len(data):
        if len(data) - off < 16: out["bad"] += 1; break
        sec, usec, cl, ln = struct.unpack("<IIII", data[off:off + 16])
        if len(data) - off - 16 < cl: out["bad"] += 1; break
        pkt = data[off + 16:off + 16 + cl]
        out["records"] += 1
        out["full"] &= cl == ln
        out["cafebabe"] += bytes.fromhex("cafebabe") * 16 in pkt and pkt[34] == 8
        off += 16 + cl
print(json.dumps(out))
PY
}

# 1. A run with everything: capture rotated every 2 s, NFLOG, --user nobody.
R=$T/r1
ip netns exec "$A" "$HOSTD" --run-dir "$R" --capture veth0 --rotate 2 --nflog 5 \
	--limits tcp=2 --user nobody --jail off -- "$T/fake-kernel" 2>"$T/r1.err" &
hp=$!
kids+=("$hp")
check "hostd starts: capture.start, guest.start, hostd.user events" \
	bash -c "$(declare -f wait_event); wait_event $R capture.start && wait_event $R guest.start && wait_event $R hostd.user"
gp=$(guest_pid "$R")
check "hostd runs as nobody after setup (Uid and Gid all 65534)" \
	bash -c '[ "$0" = "65534 65534 65534 65534" ] && [ "$1" = "65534 65534 65534 65534" ]' \
	"$(status_field "$hp" Uid | tr -s '\t ' ' ')" "$(status_field "$hp" Gid | tr -s '\t ' ' ')"
check "hostd keeps no capability (CapEff and CapPrm 0), no_new_privs" \
	bash -c '[ "$0" = 0000000000000000 ] && [ "$1" = 0000000000000000 ] && [ "$2" = 1 ]' \
	"$(status_field "$hp" CapEff)" "$(status_field "$hp" CapPrm)" "$(status_field "$hp" NoNewPrivs)"
check "the stand-in kernel (pid $gp) runs as the jail's uid 64200, not root" \
	[ "$(status_field "$gp" Uid | awk '{print $2}')" = 64200 ]
ip netns exec "$A" python3 "$T/traffic.py" a
ip netns exec "$B" python3 "$T/traffic.py" b
sleep 1.5
before=$(ls "$R/pcap" | wc -l)
sleep 4.2	# idle: no traffic at all, yet the files go on rotating on the clock
after=$(ls "$R/pcap" | wc -l)
check "rotation on the clock while idle (timer, not the next packet): $before then $after files" \
	[ "$after" -ge $((before + 2)) ]
kill -TERM "$hp"
wait "$hp"
check "SIGTERM: hostd exits 3" [ $? -eq 3 ]
check "SIGTERM: the guest is killed (by the guard, as the jail's uid)" gone "$gp"
check "no .part left after a clean stop; names IFACE-YYYYMMDDTHHMMSSZ.pcap.gz" \
	bash -c '! ls "$0" | grep -qv "^veth0-[0-9]\{8\}T[0-9]\{6\}Z\.pcap\.gz$"' "$R/pcap"
check "files after the first start on the 2 s boundary of the clock" \
	bash -c 'ls "$0" | tail -n +2 | sed -E "s/.*T[0-9]{4}([0-9]{2})Z.*/\1/" | awk "\$1 % 2 { exit 1 }"' "$R/pcap"
ok=1
for f in "$R"/pcap/*; do
	zcat "$f" | tcpdump -r - -nn >/dev/null 2>"$T/td.err" || { ok=0; cat "$T/td.err"; }
done
check "every file: zcat F | tcpdump -r - reads it without error" [ $ok -eq 1 ]
for f in "$R"/pcap/*; do zcat "$f" | tcpdump -r - -nn -X icmp 2>/dev/null; done >"$T/icmp.txt"
check "tcpdump shows the 3 echo requests, payload cafebabe visible" \
	bash -c '[ "$(grep -c "ICMP echo request" "$0")" -eq 3 ] && grep -q "cafe babe cafe babe" "$0"' "$T/icmp.txt"
pcap_check "$R/pcap" "$T/r1.pcap.json"
check "whole packets: every record's caplen is its length, the 3 payloads in full" python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
sys.exit(not (p["bad"] == 0 and p["full"] and p["cafebabe"] == 3 and p["records"] >= 10))' "$T/r1.pcap.json"
check "capture.stats at each rotation and at stop; stop's written = records in the files" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
p = json.load(open(sys.argv[2]))
st = [e for e in ev if e["type"] == "capture.stats"]
rot = [e for e in st if e["reason"] == "rotate"]
stop = [e for e in st if e["reason"] == "stop"]
keys = {"received", "dropped_kernel", "dropped_iface", "dropped_hostd", "written", "bytes", "file_packets", "file_bytes"}
ok = len(stop) == 1 and len(rot) >= len(p["files"]) - 1 and all(keys <= set(e) for e in st)
ok = ok and stop[0]["written"] == p["records"] and stop[0]["received"] >= stop[0]["written"]
ok = ok and sum(e["file_packets"] for e in st) == p["records"] and stop[0]["dropped_kernel"] == 0
sys.exit(not ok)' "$R" "$T/r1.pcap.json"
check "net.outbound: counts within the hour, limits, verdicts as the ruleset did" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
out = [e for e in ev if e["type"] == "net.outbound"]
def one(**kw):
    m = [e for e in out if all(e.get(k) == v for k, v in kw.items())]
    if len(m) != 1: print("net.outbound", kw, "->", m); return False
    e = m[0]
    return e["src"] == "10.9.0.1" and e["dst"] == "10.9.0.2"
ok = one(proto="icmp", icmp_type=8, count=1, limit=50, verdict="allowed")
ok &= one(proto="tcp", dport=80, count=1, limit=2, verdict="allowed")
ok &= one(proto="tcp", dport=81, count=2, limit=2, verdict="allowed")
ok &= one(proto="tcp", dport=9, count=3, limit=2, verdict="blocked")
ok &= one(proto="udp", dport=53, dns=True, count=None, verdict="allowed")
ok &= one(proto="udp", dport=5000, count=1, limit=20, verdict="allowed")
ok &= one(proto="other", ip_proto=47, count=1, limit=10, verdict="blocked")
sys.exit(not (ok and len(out) == 7))' "$R"
check "net.inbound (tcp 22) and net.blocked (in unfiltered, udp 7777); no net.unparsed" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
i = [e for e in ev if e["type"] == "net.inbound"]
b = [e for e in ev if e["type"] == "net.blocked"]
ok = len(i) == 1 and (i[0]["proto"], i[0]["src"], i[0]["dst"], i[0]["dport"]) == ("tcp", "10.9.0.2", "10.9.0.1", 22)
ok &= len(b) == 1 and (b[0]["reason"], b[0]["direction"], b[0]["proto"], b[0]["dport"]) == ("unfiltered", "in", "udp", 7777)
ns = [e for e in ev if e["type"] == "nflog.stats"]
ok &= not [e for e in ev if e["type"] == "net.unparsed"] and len(ns) == 1 and ns[0]["messages"] == 9
sys.exit(not ok)' "$R"
check "meta.json: final, capture and nflog configuration, user" python3 -c '
import json, sys
m = json.load(open(sys.argv[1] + "/meta.json"))
ok = m["state"] == "signalled" and m["capture"] == {"iface": "veth0", "rotate": 2}
ok &= m["nflog"]["group"] == 5 and m["nflog"]["limits"]["tcp"] == 2 and m["user"] == "nobody"
sys.exit(not ok)' "$R"
check "stderr: the capture summary (received, dropped, written)" \
	grep -q "^hostd: capture veth0: [0-9]* received, 0/0 dropped by the kernel/interface" "$T/r1.err"

# 2. SIGKILL: the open .part file reads up to its last flush (<= 1 s).
R=$T/r2
ip netns exec "$A" "$HOSTD" --run-dir "$R" --capture veth0 --user nobody --jail off -- "$T/fake-kernel" 2>/dev/null &
hp=$!
kids+=("$hp")
wait_event "$R" hostd.user
gp=$(guest_pid "$R")
ip netns exec "$A" python3 "$T/traffic.py" pings 5
sleep 1.5
{ kill -KILL "$hp"; wait "$hp"; } 2>/dev/null
part=$(ls "$R"/pcap/*.pcap.gz.part 2>/dev/null | head -1)
check "SIGKILL: the file being written is left as NAME.pcap.gz.part" test -n "$part"
zcat "$part" 2>/dev/null | tcpdump -r - -nn 2>"$T/k.err" >"$T/k.txt"
check "SIGKILL: zcat F.part | tcpdump -r - reads it cleanly (exit 0, no truncated record)" \
	bash -c '[ $0 -eq 0 ] && ! grep -qi truncated "$1"' "${PIPESTATUS[1]}" "$T/k.err"
check "SIGKILL: the 5 echo requests sent before are in it" [ "$(grep -c "ICMP echo request" "$T/k.txt")" -eq 5 ]
check "SIGKILL of hostd kills the guest (pdeathsig)" gone "$gp"

# 3. A full disk under the capture: the guest is paused, said once, exit 4.
# hostd's messages go to a file on that disk, as the honeynet tool's
# hostd.log does; 1 MiB of it is hostd's reserve, 384 KiB is the capture's.
# Once the unprivileged hostd stops, meta.json is rewritten in place.
ip netns exec "$A" unshare -m bash -c '
	T=$1 HOSTD=$2
	mkdir -p "$T/full" && mount -t tmpfs -o size=1408k tmpfs "$T/full" || exit 90
	"$HOSTD" --run-dir "$T/full/r" --capture veth0 --user nobody --jail off -- "$T/fake-kernel" \
		2>"$T/full/hostd.log" &
	hp=$!
	for i in $(seq 50); do grep -q hostd.user "$T/full/r/events.jsonl" 2>/dev/null && break; sleep 0.1; done
	echo go >"$T/f.go"
	for i in $(seq 150); do grep -q "guest paused" "$T/full/hostd.log" && break; sleep 0.1; done
	gp=$(grep -o "\"type\":\"guest.start\",\"pid\":[0-9]*" "$T/full/r/events.jsonl" | grep -o "[0-9]*$")
	sleep 0.3
	awk "{print \$3}" /proc/$gp/stat >"$T/f.state"
	kill -TERM $hp
	wait $hp
	echo $? >"$T/f.rc"
	cp "$T/full/hostd.log" "$T/f.err"
	cp "$T/full/r/meta.json" "$T/f.meta"
	umount "$T/full"
' _ "$T" "$HOSTD" &
fp=$!
kids+=("$fp")
for i in $(seq 50); do [ -e "$T/f.go" ] && break; sleep 0.1; done
ip netns exec "$B" python3 "$T/traffic.py" flood
wait "$fp"
check "full disk: hostd names the capture file and says the guest is paused" \
	grep -q "^hostd: capture $T/full/r/pcap/veth0-[0-9T]*Z\.pcap\.gz\.part: No space left on device; guest paused" "$T/f.err"
check "full disk: said once" [ "$(grep -c "guest paused" "$T/f.err")" -eq 1 ]
check "full disk: the guest is stopped (T) by the unprivileged hostd's guard" [ "$(cat "$T/f.state" 2>/dev/null)" = T ]
check "full disk: SIGTERM then gives exit 4" [ "$(cat "$T/f.rc" 2>/dev/null)" = 4 ]
check "full disk: meta.json says failed, naming the capture file" python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(not (m["state"] == "failed" and "/pcap/veth0-" in m["failure"]))' "$T/f.meta"

# 4. Options.
usage_rc() { "$HOSTD" "$@" 2>/dev/null; echo $?; }
check "--rotate 0, --limits tcp=0, --limits bogus=1, --nflog 70000, --capture a/b: usage errors (2)" \
	bash -c '[ "$*" = "2 2 2 2 2" ]' _ \
	"$(usage_rc --run-dir "$T/o" --capture veth0 --rotate 0 -- /bin/true)" \
	"$(usage_rc --run-dir "$T/o" --nflog 5 --limits tcp=0 -- /bin/true)" \
	"$(usage_rc --run-dir "$T/o" --nflog 5 --limits bogus=1 -- /bin/true)" \
	"$(usage_rc --run-dir "$T/o" --nflog 70000 -- /bin/true)" \
	"$(usage_rc --run-dir "$T/o" --capture a/b -- /bin/true)"
check "--rotate without --capture, --capture with --parse: usage errors (2)" \
	bash -c '[ "$*" = "2 2" ]' _ \
	"$(usage_rc --run-dir "$T/o" --rotate 60 -- /bin/true)" \
	"$(usage_rc --run-dir "$T/o" --parse /dev/null --capture veth0)"
ip netns exec "$A" "$HOSTD" --run-dir "$T/o1" --capture nosuch0 --jail off -- "$T/fake-kernel" 2>"$T/o1.err"
check "--capture of a missing interface: exit 5, says so, events.jsonl without guest.start" \
	bash -c '[ $0 -eq 5 ] && grep -q "^hostd: capture nosuch0: .*; guest not started" "$1" && [ -f "$2/events.jsonl" ] && ! grep -q guest.start "$2/events.jsonl"' $? "$T/o1.err" "$T/o1"
"$HOSTD" --run-dir "$T/o2" --user no-such-user-x --jail off -- "$T/fake-kernel" 2>"$T/o2.err"
check "--user of a missing user: exit 5 before anything starts" \
	bash -c '[ $0 -eq 5 ] && grep -q "^hostd: --user no-such-user-x: no such user" "$1" && [ ! -e "$2" ]' $? "$T/o2.err" "$T/o2"
check "--help names the new options" bash -c '"$0" --help | grep -q -- "--capture IFACE" && "$0" --help | grep -q -- "--limits SPEC"' "$HOSTD"

exit $status
