#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# hostd without a guest: --parse of a synthetic stream (made here with
# python3 struct + zlib.crc32, independent of hostd's C), then live mode with
# a fake kernel: archive and exit 0, exit status, SIGTERM, pdeathsig on
# SIGKILL, and fail-closed on a full disk.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

HOSTD=$TOP/build/bin/hostd
require python3 unshare "$HOSTD"
T=$(mktemp -d /tmp/hostd-it-XXXXXX)
chmod 755 "$T"	# the stand-in kernel runs as the jail's uid (hostd --jail off)
kids=()
cleanup() {
	local p
	for p in "${kids[@]}"; do kill -9 "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT

# The stream: session 1 (typed input, output with invalid UTF-8, an exec,
# hangup, close), a record with one corrupted byte, garbage, a loss report,
# and session 2 left open (hostd closes it at the end). big.bin: 2 MB of
# incompressible output, for the full-disk test.
python3 - "$T" <<'PY'
import json, os, random, struct, sys, zlib
T = sys.argv[1]
T0 = 1795844712_123456789
def rec(typ, s, payload=b"", d=0, t=T0):
    h = struct.pack("<IHHIIQB3sI", 0x4C544E48, 1, typ, s, len(payload), t, d, b"\0" * 3, 0)
    return h[:28] + struct.pack("<I", zlib.crc32(h + payload) & 0xFFFFFFFF) + payload
def opn(s, name, parent=0): return rec(1, s, struct.pack("<IIII", parent, 136, s, len(name)) + name)
def exe(s, fn, argv):
    a = b"".join(x + b"\0" for x in argv)
    return rec(4, s, struct.pack("<IIIIIIIB3s", 321, 1, 0, 0, len(fn), len(a), len(argv), 0, b"\0" * 3) + fn + a)
out = opn(1, b"pts/0") + rec(3, 1, b"ls\r", 1, T0 + 10**9)
out += rec(3, 1, b"a.txt\r\n\xff\xfe\x1b[0m", 2, T0 + 2 * 10**9)
out += exe(1, b"/bin/ls", [b"ls", b"\xc3\xa9\x01\"q\""])
out += opn(2, b"pts/1", 1)
damaged_at = len(out)
bad = bytearray(rec(3, 2, b"secret", 1))
bad[35] ^= 0xFF
out += bytes(bad) + b"GARBAGE!"
out += rec(5, 1) + rec(2, 1, t=T0 + 5 * 10**9)
out += rec(6, 0, struct.pack("<QQ", 7, 700)) + rec(3, 2, b"still here", 2)
open(f"{T}/s.bin", "wb").write(out)
json.dump({"damaged_at": damaged_at, "len": len(out)}, open(f"{T}/s.json", "w"))
random.seed(1)
big = b"".join(rec(3, 1, random.randbytes(4000), 2) for _ in range(500))
open(f"{T}/big.bin", "wb").write(opn(1, b"pts/0") + big)
PY

# check_archive DIR MODE: events, tty files and meta.json as the stream says.
check_archive() {
	python3 - "$1" "$2" "$T/s.json" <<'PY'
import gzip, hashlib, json, os, struct, sys
run, mode, info = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
def fail(msg): print(msg); sys.exit(1)
ev = [json.loads(l) for l in open(f"{run}/events.jsonl", encoding="utf-8")]
for e in ev:
    if not (e["ts"].endswith("Z") and len(e["ts"]) == 27): fail(f"bad ts {e['ts']}")
types = [e["type"] for e in ev]
for t in ("tty.open", "tty.close", "tty.hangup", "exec", "stream.error", "stream.resync", "stream.loss"):
    if t not in types: fail(f"no {t} event in {types}")
if mode == "live" and (types[0] != "guest.start" or "guest.exit" not in types): fail(f"guest events: {types}")
err = [e for e in ev if e["type"] == "stream.error"]
if len(err) != 1 or err[0]["offset"] != info["damaged_at"] or "crc" not in err[0]["what"]:
    fail(f"stream.error: {err} (damage at {info['damaged_at']})")
ex = [e for e in ev if e["type"] == "exec"][0]
if ex["argv"] != ["ls", "\u00e9\u0001\"q\""] or ex["session"] != 1 or ex["pid"] != 321: fail(f"exec: {ex}")
loss = [e for e in ev if e["type"] == "stream.loss"][0]
if (loss["records"], loss["bytes"]) != (7, 700): fail(f"loss: {loss}")
closes = {e["session"]: e for e in ev if e["type"] == "tty.close"}
if set(closes) != {1, 2}: fail(f"closes: {closes}")
c1 = closes[1]
if (c1["duration"], c1["bytes_in"], c1["bytes_out"], c1["reason"]) != (5.0, 3, 13, "close"): fail(f"close 1: {c1}")
if closes[2]["bytes_out"] != 10 or closes[2]["reason"] != "stream end": fail(f"close 2: {closes[2]}")
def records(path):
    d, out = gzip.open(path).read(), []
    while d:
        op, tty, n, dr, sec, usec = struct.unpack("<iLiiLL", d[:24])
        out.append((op, tty, dr, d[24:24 + n], sec, usec)); d = d[24 + n:]
    return out
for s, c in closes.items():
    p = f"{run}/{c['file']}"
    if hashlib.sha256(open(p, "rb").read()).hexdigest() != c["sha256"]: fail(f"sha256 of {p}")
r1 = records(f"{run}/tty/000001-pts-0.ttylog.gz")
want = [(1, 1, 0, b""), (3, 1, 1, b"ls\r"), (3, 1, 2, b"a.txt\r\n\xff\xfe\x1b[0m"), (2, 1, 0, b"")]
if [x[:4] for x in r1] != want: fail(f"session 1 records: {r1}")
if (r1[1][4], r1[1][5]) != (1795844713, 123456): fail(f"session 1 time: {r1[1]}")
r2 = records(f"{run}/tty/000002-pts-1.ttylog.gz")
if [x[:4] for x in r2] != [(1, 2, 0, b""), (3, 2, 2, b"still here"), (2, 2, 0, b"")]: fail(f"session 2: {r2}")
m = json.load(open(f"{run}/meta.json"))
c = m["counters"]
if (c["records"], c["bytes"], c["sessions"], c["exec_events"], c["stream_errors"], c["lost_records"]) != \
        (9, info["len"], 2, 1, 1, 7): fail(f"meta counters: {c}")
if m["state"] != "stopped" or not m["stop"] or m["mode"] != mode: fail(f"meta: {m}")
if mode == "live" and (m["guest"]["exit_status"] != 0 or m["kernel"]["size"] != os.path.getsize(m["kernel"]["path"])): fail(f"meta guest: {m}")
PY
}

# --parse
"$HOSTD" --parse "$T/s.bin" --run-dir "$T/p" 2>"$T/p.err"
check "--parse exits 0" [ $? -eq 0 ]
check "--parse archive: events valid JSON, tty files decode, stream.error at the damage, meta.json" \
	check_archive "$T/p" parse
check "--parse refuses a used run directory" bash -c '! "$0" --parse "$1/s.bin" --run-dir "$1/p" 2>/dev/null' "$HOSTD" "$T"
"$HOSTD" --parse "$T/s.bin" 2>/dev/null
check "usage error exits 2" [ $? -eq 2 ]

# The fake kernel (lib.sh): the stream on fd 3, console text on stdout and stderr.
fake_kernel "$T/fake-kernel"

"$HOSTD" --run-dir "$T/l" --jail off -- "$T/fake-kernel" "$T/s.bin" 0 2>"$T/l.err"
check "live: hostd exits 0 when the guest exits 0" [ $? -eq 0 ]
check "live archive: as --parse, plus guest.start/guest.exit" check_archive "$T/l" live
check "live: console.log holds the guest's stdout and stderr" \
	grep -q "console: reboot: Power down" "$T/l/console.log"
check "live: the kernel got tty_log_fd=3 last" grep -q "^fake kernel: .* 0 tty_log_fd=3$" "$T/l/console.log"

"$HOSTD" --run-dir "$T/x" --jail off -- "$T/fake-kernel" "$T/s.bin" 3 2>/dev/null
check "live: guest exit 3 gives hostd exit 1" [ $? -eq 1 ]
"$HOSTD" --run-dir "$T/n" --jail off -- "$T/no-such-kernel" 2>"$T/n.err"
check "live: a missing kernel exits 5 and says so" \
	bash -c '[ $0 -eq 5 ] && grep -q "^hostd: .*no-such-kernel: No such file or directory; guest not started" "$1"' $? "$T/n.err"

# SIGTERM: flush, kill the guest's group, finalize, exit 3.
"$HOSTD" --run-dir "$T/t" --jail off -- "$T/fake-kernel" "$T/s.bin" sleep 2>"$T/t.err" &
hp=$!
kids+=("$hp")
gp=$(guest_pid "$T/t")
sleep 1.6
check "live: meta.json is written at start (state running)" python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(not (m["state"] == "running" and m["stop"] is None and m["guest"]["pid"] > 0))' "$T/t/meta.json"
check "live: an open session's file decodes within the 1 s idle flush (crash durability)" python3 -c '
import sys, zlib
d = zlib.decompressobj(31).decompress(open(sys.argv[1], "rb").read())
sys.exit(b"still here" not in d)' "$T/t/tty/000002-pts-1.ttylog.gz"
kill -TERM "$hp"
wait "$hp"
check "SIGTERM: hostd exits 3" [ $? -eq 3 ]
check "SIGTERM: the guest is killed" gone "$gp"
check "SIGTERM: meta.json final (signalled), sessions closed by hostd, guest.exit signal 9" python3 -c '
import json, sys
m = json.load(open(sys.argv[1] + "/meta.json"))
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
ex = [e for e in ev if e["type"] == "guest.exit"]
cl = [e for e in ev if e["type"] == "tty.close" and e["reason"] == "hostd stopped"]
sys.exit(not (m["state"] == "signalled" and m["stop"] and ex and ex[0]["signal"] == 9 and cl))' "$T/t"

# SIGKILL of hostd: pdeathsig takes the guest with it.
"$HOSTD" --run-dir "$T/k" --jail off -- "$T/fake-kernel" "$T/s.bin" sleep 2>/dev/null &
hp=$!
kids+=("$hp")
gp=$(guest_pid "$T/k")
check "SIGKILL: the guest is running before" test -n "$gp" -a -e "/proc/$gp"
{ kill -KILL "$hp"; wait "$hp"; } 2>/dev/null
check "SIGKILL of hostd kills the guest (pdeathsig)" gone "$gp"

# A full disk: hostd pauses the guest (SIGSTOP to its group), says so once,
# waits for SIGTERM, then exits 4 with what it wrote kept. Its messages go
# to a file on that same disk, made empty (no block of its own yet), as the
# honeynet tool's hostd.log is: the room hostd kept is what lets them in.
# The filesystem holds that 1 MiB reserve plus half of big.bin.
unshare -m bash -c '
	T=$1 HOSTD=$2
	mkdir -p "$T/full" && mount -t tmpfs -o size=2m tmpfs "$T/full" || exit 90
	"$HOSTD" --run-dir "$T/full/r" --jail off -- "$T/fake-kernel" "$T/big.bin" sleep \
		2>"$T/full/hostd.log" &
	hp=$!
	for i in $(seq 100); do grep -q "guest paused" "$T/full/hostd.log" && break; sleep 0.1; done
	gp=$(grep -o "\"pid\":[0-9]*" "$T/full/r/events.jsonl" | head -1 | cut -d: -f2)
	sleep 0.3
	awk "{print \$3}" /proc/$gp/stat >"$T/f.state"
	kill -TERM $hp
	wait $hp
	echo $? >"$T/f.rc"
	ls "$T/full/r/tty" >"$T/f.files"
	cp "$T/full/hostd.log" "$T/f.err"
	cp "$T/full/r/meta.json" "$T/f.meta"
	[ -e /proc/$gp ] && awk "{print \$3}" /proc/$gp/stat >"$T/f.after"
	umount "$T/full"
' _ "$T" "$HOSTD"
check "full disk: hostd says which file failed, and that the guest is paused" \
	grep -q "^hostd: archive $T/full/r/tty/000001-pts-0.ttylog.gz: No space left on device; guest paused" "$T/f.err"
check "full disk: said once" [ "$(grep -c "guest paused" "$T/f.err")" -eq 1 ]
check "full disk: the guest is stopped (T) while hostd waits" [ "$(cat "$T/f.state" 2>/dev/null)" = T ]
check "full disk: SIGTERM then gives exit 4" [ "$(cat "$T/f.rc" 2>/dev/null)" = 4 ]
check "full disk: the guest is gone after" bash -c '[ ! -e "$0" ] || [ "$(cat "$0")" = Z ]' "$T/f.after"
check "full disk: the tty file is kept" grep -q "000001-pts-0.ttylog.gz" "$T/f.files"
check "full disk: meta.json says failed, naming the file" python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(not (m["state"] == "failed" and "000001-pts-0.ttylog.gz: No space left" in m["failure"]))' \
	"$T/f.meta"

exit $status
