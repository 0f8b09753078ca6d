#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A flood of new connection attempts cannot fill the archive: from hn-inet,
# UDP and TCP to thousands of the guest's public ports, each a new
# connection. net.inbound events stay within the ruleset's log rate and
# burst over the flood; net.unlogged summaries account for the rest; and
# the two together equal what the ruleset's nft counters gained and what the
# flood sent, exactly, as long as NFLOG's socket reports no overrun
# (nflog.stats overflows 0, checked: an overrun loses messages).
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass python3
lab_lock

UDP=3000		# attempts, one destination port each
TCP=600
RATE=20			# the default log_rate (per second) and log_burst
BURST=100

lab_scratch

must "lab up" "$HONEYNET" lab up --archive "$work/archive"
run=$(lab_run_dir "$work/archive") || { fail "the lab's run directory"; exit 1; }
events=$run/events.jsonl

# The ruleset's counters, before and after: attempts before hostd bound its
# NFLOG socket (lab up's first probes of sshd) are in the counters only.
counters() {
	ip netns exec hn-wall nft -j list counters table inet honeynet_dc >"$work/$1.json"
}
must "the ruleset's counters are read before the flood" counters before

# The flood: UDP to ports 20000.., then TCP SYNs (non-blocking connects, the
# guest answers RST) to ports 40000..; prints the seconds it took.
must "hn-inet floods $LAB_PUBLIC with $UDP UDP and $TCP TCP attempts" \
	ip netns exec hn-inet python3 - "$LAB_PUBLIC" "$UDP" "$TCP" "$work/secs" <<'PY'
import socket, sys, time
dst, udp, tcp, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
t0 = time.monotonic()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for p in range(20000, 20000 + udp):
    u.sendto(b"x", (dst, p))
socks = []
for p in range(40000, 40000 + tcp):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    s.connect_ex((dst, p))
    socks.append(s)
open(out, "w").write("%f\n" % (time.monotonic() - t0))
time.sleep(1)
for s in socks:
    s.close()
PY
sleep 3	# the kernel hands NFLOG messages over within a second
must "the ruleset's counters are read after it" counters after
must "lab down" "$HONEYNET" lab down

python3 - "$events" "$work" "$UDP" "$TCP" "$RATE" "$BURST" "$(cat "$work/secs")" >"$work/report" <<'PY'
import json, sys
events, tmp = sys.argv[1], sys.argv[2]
udp, tcp, rate, burst = (int(a) for a in sys.argv[3:7])
secs = float(sys.argv[7])
ev = [json.loads(l) for l in open(events)]

def counters(name):
    return {o["counter"]["name"]: o["counter"]["packets"]
            for o in json.load(open("%s/%s.json" % (tmp, name)))["nftables"] if "counter" in o}

before, after = counters("before"), counters("after")
nft = {k: after[k] - before[k] for k in after}

def flood(e, proto, lo, n):
    return e.get("proto") == proto and lo <= e.get("dport", -1) < lo + n

logged = {
    "udp": sum(1 for e in ev if e["type"] == "net.inbound" and flood(e, "udp", 20000, udp)),
    "tcp": sum(1 for e in ev if e["type"] == "net.inbound" and flood(e, "tcp", 40000, tcp)),
}
summaries = [e for e in ev if e["type"] == "net.unlogged"]
unlogged = {c: sum(s["counts"].get("in %s allow" % c, 0) for s in summaries) for c in ("udp", "tcp")}
stats = [e for e in ev if e["type"] == "nflog.stats"]
print("secs", secs)
print("logged", logged["udp"], logged["tcp"])
print("unlogged", unlogged["udp"], unlogged["tcp"])
print("nft_logged", nft["h0_logged_in_udp_allow"], nft["h0_logged_in_tcp_allow"])
print("nft_unlogged", nft["h0_unlogged_in_udp_allow"], nft["h0_unlogged_in_tcp_allow"])
print("summaries", len(summaries), sum(s["attempts"] for s in summaries))
print("overflows", stats[0]["overflows"] if stats else -1)
print("unlogged_total", stats[0]["unlogged"] if stats else -1)
# The bucket holds the burst and refills at the rate while the flood lasts
# (and for the 2 s of rounding and NFLOG batching around it).
print("bound", burst + rate * (int(secs) + 2))
PY
cat "$work/report"
val() { awk -v k="$1" -v i="$2" '$1 == k { print $(i + 1) }' "$work/report"; }

check "NFLOG delivered every message: no socket overrun" test "$(val overflows 1)" -eq 0
check "the flood's logged events stay within the log rate and burst" \
	test $(($(val logged 1) + $(val logged 2))) -le "$(val bound 1)"
check "the burst was logged: at least $((BURST / 2)) events" \
	test $(($(val logged 1) + $(val logged 2))) -ge $((BURST / 2))
check "UDP: logged + unlogged == the $UDP attempts sent" \
	test $(($(val logged 1) + $(val unlogged 1))) -eq "$UDP"
check "TCP: logged + unlogged == the $TCP attempts sent" \
	test $(($(val logged 2) + $(val unlogged 2))) -eq "$TCP"
check "the flood's net.inbound events equal what nft's logged counters gained" \
	test "$(val logged 1) $(val logged 2)" = "$(val nft_logged 1) $(val nft_logged 2)"
check "hostd's unlogged counts equal what nft's unlogged counters gained" \
	test "$(val unlogged 1) $(val unlogged 2)" = "$(val nft_unlogged 1) $(val nft_unlogged 2)"
check "the summaries add up to nflog.stats' unlogged total" \
	test "$(val summaries 2)" -eq "$(val unlogged_total 1)"
check "a few summaries, not an event per attempt" \
	test "$(val summaries 1)" -ge 1 -a "$(val summaries 1)" -le 5
exit $status
