#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 5: Data Capture under an inbound flood, hostd against tcpdump.
# Each round: one lab up (hostd captures tap0 in hn-wall, as the lab always
# runs it), then tcpdump on the same tap0 in the same namespace, then a UDP
# flood from hn-inet to the guest's closed port (tests/bench/udpflood.py,
# bounded in time and count), both capturing the same packets; then tcpdump
# is stopped and the lab taken down (hostd writes capture.stats at stop).
# Rounds alternate tcpdump writing plain pcap (`tcpdump -w FILE`) and piping
# it to `gzip -6` (compression on, as hostd's own file). CPU is utime+stime
# from /proc/PID/stat over the flood window (just before the flood until
# DRAIN s after it). Uses the lab: run from tests/bench/run, which holds the
# lab lock; run on its own, it takes the lock itself (and writes only
# build/bench/capture/ and build/bench/md/50-capture.md).
set -euo pipefail
if [ -z "${TOP:-}" ]; then
	TOP=$(cd "$(dirname "$0")/../.." && pwd)
	WORK=$TOP/build/bench
	export TOP WORK
	mkdir -p "$WORK/md"
	if [ "$(readlink /proc/self/fd/9 2>/dev/null)" != /run/honeynet-lab.lock ]; then
		echo "bench: waiting for the lab lock" >&2
		exec 9>/run/honeynet-lab.lock
		flock 9
	fi
fi
source "$(dirname "$0")/lib.sh"
need_lab_lock

ROUNDS=${ROUNDS:-2}           # rounds of each tcpdump variant, alternating
FLOOD_SECS=${FLOOD_SECS:-10}  # the flood stops after this long ...
FLOOD_MAX=${FLOOD_MAX:-2000000} # ... or after this many packets sent
SENDERS=${SENDERS:-$(nproc)}  # parallel sender processes
PAYLOAD=${PAYLOAD:-32}        # UDP payload bytes (74-byte frames on tap0)
DRAIN=${DRAIN:-2}             # s after the flood before the CPU is read
PORT=40404                    # closed in the guest
GUEST=10.0.0.2                # the flood's destination on tap0 (after NAT)
TD_BUFFER_KIB=32768           # tcpdump -B: hostd's ring (HOSTD_PCAP_BUFFER)
STATE=/run/honeynet/lab.state
for c in tcpdump gzip timeout; do
	command -v "$c" >/dev/null || die "command $c not found"
done
hz=$(getconf CLK_TCK)
w=$WORK/capture
rm -rf "$w"
mkdir -p "$w"

# ticks PID: utime+stime of PID (all its threads), in clock ticks.
ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
tapstat() { ip netns exec hn-wall cat "/sys/class/net/tap0/statistics/$1"; }

TD_PID= GZ_PID=
stop_tcpdump() {
	[ -n "$TD_PID" ] && kill -INT "$TD_PID" 2>/dev/null || true
	[ -n "$TD_PID" ] && wait "$TD_PID" 2>/dev/null || true
	[ -n "$GZ_PID" ] && wait "$GZ_PID" 2>/dev/null || true
	TD_PID= GZ_PID=
}
trap 'stop_tcpdump; lab_down 2>/dev/null || true' EXIT

# round VARIANT N: one lab, one flood, both captures; results in $w/VARIANT-N/.
round() {
	local v=$1 d=$w/$1-$2 run hp i t0 t1 h0 h1 c0 c1 g0=0 g1=0 tx0 tx1 txd0 txd1 rx0 rx1
	mkdir -p "$d"
	chown nobody "$d" # tcpdump -Z nobody opens its file after the drop
	lab_up --archive "$d/archive" || die "lab up failed; see $d/archive"
	run=$(run_dir "$d/archive")
	hp=$(sed -n 's/^pid=//p' "$STATE")
	[ "$(cat "/proc/$hp/comm" 2>/dev/null)" = hostd ] || die "lab.state's pid $hp is not hostd"
	# tcpdump as people run it, made comparable: same interface and
	# namespace, same ring size, whole packets (its default snaplen is
	# hostd's 262144), promiscuous (its default), as nobody.
	: > "$d/tcpdump.err" # before the poll below looks at it
	local td=(ip netns exec hn-wall tcpdump -i tap0 -n -B "$TD_BUFFER_KIB" -Z nobody)
	if [ "$v" = plain ]; then
		"${td[@]}" -w "$d/tcpdump.pcap" 2> "$d/tcpdump.err" &
		TD_PID=$!
	else
		mkfifo "$d/fifo"
		gzip -6 < "$d/fifo" > "$d/tcpdump.pcap.gz" &
		GZ_PID=$!
		"${td[@]}" -w - > "$d/fifo" 2> "$d/tcpdump.err" &
		TD_PID=$!
	fi
	for i in $(seq 100); do
		grep -q 'listening on' "$d/tcpdump.err" && break
		sleep 0.05
	done
	grep -q 'listening on' "$d/tcpdump.err" || die "tcpdump did not start: $(cat "$d/tcpdump.err")"
	sleep 0.5
	h0=$(ticks "$hp"); c0=$(ticks "$TD_PID"); [ -z "$GZ_PID" ] || g0=$(ticks "$GZ_PID")
	tx0=$(tapstat tx_packets); txd0=$(tapstat tx_dropped); rx0=$(tapstat rx_packets)
	t0=$(now)
	ip netns exec hn-inet timeout -s KILL $((${FLOOD_SECS%.*} + 20)) \
		python3 "$TOP/tests/bench/udpflood.py" "$LAB_PUBLIC" "$PORT" "$FLOOD_SECS" \
		"$FLOOD_MAX" "$SENDERS" "$PAYLOAD" > "$d/flood.json" || die "udpflood.py failed"
	sleep "$DRAIN"
	h1=$(ticks "$hp"); c1=$(ticks "$TD_PID"); [ -z "$GZ_PID" ] || g1=$(ticks "$GZ_PID")
	tx1=$(tapstat tx_packets); txd1=$(tapstat tx_dropped); rx1=$(tapstat rx_packets)
	t1=$(now)
	stop_tcpdump
	lab_down || die "lab down failed"
	cat > "$d/window" <<EOF
seconds $(echo "$t1 - $t0" | bc)
hostd_ticks $((h1 - h0))
tcpdump_ticks $((c1 - c0))
gzip_ticks $((g1 - g0))
tap_tx $((tx1 - tx0))
tap_tx_dropped $((txd1 - txd0))
tap_rx $((rx1 - rx0))
EOF
	ln -s "$run" "$d/run"
	python3 "$TOP/tests/bench/pcapcount.py" "$GUEST" "$PORT" "$run"/pcap/* > "$d/hostd-count.json"
	python3 "$TOP/tests/bench/pcapcount.py" "$GUEST" "$PORT" "$d"/tcpdump.pcap* > "$d/tcpdump-count.json"
	say "capture $v round $2: flood $(cat "$d/flood.json"); hostd $(cat "$d/hostd-count.json"); tcpdump $(cat "$d/tcpdump-count.json")"
}

say "capture under flood, hostd vs tcpdump (plain, | gzip -6), $ROUNDS rounds each"
for ((n = 1; n <= ROUNDS; n++)); do
	round plain "$n"
	round gzip "$n"
done
trap - EXIT

python3 - "$w" "$WORK/md/50-capture.md" "$hz" "$ROUNDS" "$FLOOD_SECS" "$FLOOD_MAX" \
	"$SENDERS" "$PAYLOAD" "$DRAIN" "$PORT" "$TD_BUFFER_KIB" "$(tcpdump --version 2>&1 | head -n 1)" <<'PY'
import glob, json, os, re, sys
w, out, hz, rounds, secs, fmax, senders, payload, drain, port, tdbuf, tdver = sys.argv[1:]
hz, rounds = int(hz), int(rounds)

def window(d):
    return {k: float(v) for k, v in (l.split() for l in open(os.path.join(d, "window")))}

def hostd_stats(d):
    run = os.path.realpath(os.path.join(d, "run"))
    stats = [e for e in map(json.loads, open(os.path.join(run, "events.jsonl")))
             if e.get("type", e.get("event")) == "capture.stats"]
    if not stats:
        sys.exit("capture.sh: no capture.stats in %s/events.jsonl" % run)
    return stats[-1]  # received/dropped/written are since the start

def tcpdump_stats(d):
    t = open(os.path.join(d, "tcpdump.err")).read()
    def n(what):
        m = re.search(r"^(\d+) packets? %s$" % what, t, re.M)
        return int(m.group(1)) if m else 0
    if not re.search(r"^\d+ packets? captured$", t, re.M):
        sys.exit("capture.sh: no tcpdump statistics in %s/tcpdump.err" % d)
    return {"captured": n("captured"), "received": n("received by filter"),
            "dropped_kernel": n("dropped by kernel"), "dropped_iface": n("dropped by interface")}

rows = {"plain": [], "gzip": []}
for v in rows:
    for i in range(1, rounds + 1):
        d = os.path.join(w, "%s-%d" % (v, i))
        r = {"win": window(d), "flood": json.load(open(os.path.join(d, "flood.json"))),
             "h": hostd_stats(d), "t": tcpdump_stats(d),
             "hc": json.load(open(os.path.join(d, "hostd-count.json"))),
             "tc": json.load(open(os.path.join(d, "tcpdump-count.json")))}
        r["h_drop"] = r["h"]["dropped_kernel"] + r["h"]["dropped_iface"] + r["h"]["dropped_hostd"]
        r["t_drop"] = r["t"]["dropped_kernel"] + r["t"]["dropped_iface"]
        r["h_cpu"] = r["win"]["hostd_ticks"] / hz
        r["t_cpu"] = (r["win"]["tcpdump_ticks"] + r["win"]["gzip_ticks"]) / hz
        r["h_size"] = sum(os.path.getsize(f) for f in glob.glob(os.path.join(d, "run", "pcap", "*")))
        r["t_size"] = sum(os.path.getsize(f) for f in glob.glob(os.path.join(d, "tcpdump.pcap*")))
        rows[v].append(r)

def per_m(cpu, pk): return cpu / pk * 1e6 if pk else float("nan")
def f2(x): return "%.2f" % x
def f3(x): return "%.3f" % x
tdname = {"plain": "`tcpdump -w F`", "gzip": "`tcpdump -w - \\| gzip -6 > F`"}

tab = []
tab.append("| round | tcpdump as | flood sent (pps) | on tap0 | hostd: received / written / flood in file | hostd dropped (kernel/iface/hostd) | tcpdump: received / captured / flood in file | tcpdump dropped (kernel/iface) | hostd CPU s | tcpdump CPU s | hostd CPU s/Mpkt | tcpdump CPU s/Mpkt | ratio hostd / tcpdump |")
tab.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
tot = {}
for i in range(rounds):
    for v in ("plain", "gzip"):
        r = rows[v][i]
        h, t, f = r["h"], r["t"], r["flood"]
        hm, tm = per_m(r["h_cpu"], h["written"]), per_m(r["t_cpu"], t["captured"])
        tcpu = f2(r["t_cpu"]) if v == "plain" else "%s (%s + gzip %s)" % (
            f2(r["t_cpu"]), f2(r["win"]["tcpdump_ticks"] / hz), f2(r["win"]["gzip_ticks"] / hz))
        tab.append("| %d | %s | %d (%d/s) | %d | %d / %d / %d | %d (%d/%d/%d) | %d / %d / %d | %d (%d/%d) | %s | %s | %s | %s | %s |" % (
            i + 1, tdname[v], f["sent"], f["sent"] / f["seconds"],
            r["win"]["tap_tx"] + r["win"]["tap_tx_dropped"],
            h["received"], h["written"], r["hc"]["flood"], r["h_drop"], h["dropped_kernel"],
            h["dropped_iface"], h["dropped_hostd"],
            t["received"], t["captured"], r["tc"]["flood"], r["t_drop"], t["dropped_kernel"], t["dropped_iface"],
            f2(r["h_cpu"]), tcpu, f3(hm), f3(tm), f3(hm / tm)))
summ = {}
for v in ("plain", "gzip"):
    rs = rows[v]
    hp = sum(r["h"]["written"] for r in rs); tp = sum(r["t"]["captured"] for r in rs)
    hc = sum(r["h_cpu"] for r in rs); tc = sum(r["t_cpu"] for r in rs)
    summ[v] = {"hd": sum(r["h_drop"] for r in rs), "td": sum(r["t_drop"] for r in rs),
               "hr": sum(r["h"]["received"] for r in rs), "tr": sum(r["t"]["received"] for r in rs),
               "hm": per_m(hc, hp), "tm": per_m(tc, tp), "hp": hp, "tp": tp,
               "hf": sum(r["hc"]["flood"] for r in rs), "tf": sum(r["tc"]["flood"] for r in rs),
               "sent": sum(r["flood"]["sent"] for r in rs),
               "hs": sum(r["h_size"] for r in rs) / 1e6, "ts": sum(r["t_size"] for r in rs) / 1e6,
               "tap": sum(r["win"]["tap_tx"] + r["win"]["tap_tx_dropped"] for r in rs)}
    summ[v]["r"] = summ[v]["hm"] / summ[v]["tm"]
s = summ["gzip"]
def verdict(ok): return "met" if ok else "**missed**"
trunc = sum(r["hc"]["truncated"] + r["tc"]["truncated"] for v in rows for r in rows[v])

sumtab = ["| tcpdump as | rounds | packets on tap0 | hostd: flood in file / dropped | tcpdump: flood in file / dropped | files MB (hostd / tcpdump) | hostd CPU s/Mpkt | tcpdump CPU s/Mpkt | **ratio hostd / tcpdump** |",
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
for v in ("plain", "gzip"):
    x = summ[v]
    sumtab.append("| %s | %d | %d | %d / %d | %d / %d | %.1f / %.1f | %s | %s | **%s** |" % (
        tdname[v], rounds, x["tap"], x["hf"], x["hd"], x["tf"], x["td"], x["hs"], x["ts"],
        f3(x["hm"]), f3(x["tm"]), f3(x["r"])))

md = f"""## 5. Data Capture under an inbound flood: hostd against tcpdump

Command (tests/bench/capture.sh), {rounds} rounds of each tcpdump variant,
alternating, one lab boot a round. Each round: `build/bin/honeynet lab up`
(hostd captures tap0 in hn-wall, as the lab runs it: libpcap, 32 MiB ring,
100 ms timeout, gzip level 6, as nobody), then, on the same tap0 in hn-wall,

    ip netns exec hn-wall tcpdump -i tap0 -n -B {tdbuf} -Z nobody -w F                (plain)
    ip netns exec hn-wall tcpdump -i tap0 -n -B {tdbuf} -Z nobody -w - | gzip -6 > F  (compression on)

(tcpdump's ring set to hostd's size; whole packets and promiscuous are both
defaults; its buffer timeout is its default 1000 ms, hostd's 100 ms;
{tdver}), then the flood, from hn-inet:

    ip netns exec hn-inet python3 tests/bench/udpflood.py 203.0.113.10 {port} {secs} {fmax} {senders} {payload}

{senders} processes, each one UDP socket in a tight `sendto()` loop to the
guest's closed port {port} ({payload}-byte payload: 74-byte frames on tap0),
until {secs} s passed or {fmax} packets were sent together: as fast as
Python sends on this machine, which the tap carries (the firewall allows
inbound, NAT puts it on tap0 to 10.0.0.2; the guest's ICMP port
unreachable answers are rate limited). {drain} s after the flood, the CPU
is read, tcpdump stopped (SIGINT), the lab taken down; hostd's figures are
its capture.stats at stop (since its start: the boot's few packets
included), tcpdump's its exit lines ("N packets captured / received by
filter / dropped by kernel"). "Flood in file" counts the flood's packets
(UDP to 10.0.0.2:{port}) read back from each file (tests/bench/pcapcount.py).
CPU: utime+stime from /proc/PID/stat (all threads), from just before the
flood to {drain} s after it, for hostd, tcpdump, and in the compressed
variant tcpdump + gzip; per million packets written (hostd's written,
tcpdump's captured). "On tap0": tap0's tx_packets + tx_dropped over the
window (packets toward the guest; the capture sees the ones the tap then
drops, when the guest reads too slowly).

{chr(10).join(tab)}

Over the rounds of each variant (CPU over packets, summed):

{chr(10).join(sumtab)}

| target (compression on: against `tcpdump -w - \\| gzip -6`) | measured | |
| --- | --- | --- |
| hostd drops no more than tcpdump | hostd {s['hd']}, tcpdump {s['td']} | {verdict(s['hd'] <= s['td'])} |
| hostd costs no more CPU per packet (ratio at most 1.00) | {f3(s['r'])} | {verdict(s['r'] <= 1.0)} |

All {2 * rounds} rounds share the 2 cores with the senders, the forwarding
and NAT (softirq) and the guest kernel reading the flood, so a capture that
is starved drops in the kernel ring: drops measure both the capture's cost
and the scheduling it got. hostd reads the ring into a queue in one
thread and deflates in another; `tcpdump | gzip` deflates in a second
process, behind a pipe.{" Files that ended cut off: %d." % trunc if trunc else ""}
"""
open(out, "w").write(md)
PY
say "wrote $WORK/md/50-capture.md"
