#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ttyreplay end to end on a made-up archive: --list, replay, --input, the
# escape filter, the four exports checked by independent readers, errors and
# exit statuses. Needs no guest and no root.
source "$(dirname "$0")/lib.sh"
TR=$TOP/build/bin/ttyreplay
require "$TR" python3 scriptreplay setpriv

tmp=$(mktemp -d /tmp/hn-ttyreplay-XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
run=archive/20261127T034512Z-1
S=$run/tty/000003-pts-0.ttylog.gz

# The archive, written with Python's gzip and struct (not our code): one
# session with output, keystrokes, an echo-off password after a clock step
# backwards, an OSC title and a DSR split across records; expected streams
# go to out.bin and in.bin.
python3 - <<'PY' || exit 1
import gzip, os, struct
T = 1795751112
def rec(op, d, sec, usec, data=b'', tty=3):
    return struct.pack('<iLiiLL', op, tty, len(data), d, sec, usec) + data
recs = [rec(1, 0, T, 0),
        rec(3, 2, T, 100000, b'root@web01:~# '),
        rec(3, 1, T + 1, 0, b'l'), rec(3, 2, T + 1, 1000, b'l'),
        rec(3, 1, T + 1, 200000, b's'), rec(3, 2, T + 1, 201000, b's'),
        rec(3, 1, T + 2, 0, b'\r'),
        rec(3, 2, T + 2, 1000, b'\r\nbin  etc\r\n\x1b]0;pwned\x07\x1b[1;31mred\x1b[0m\x1b['),
        rec(3, 2, T + 2, 2000, b'6nroot@web01:~# '),
        rec(3, 1, T + 1, 0, b'secret\r'),
        rec(3, 2, T + 3, 0, b'caf\xc3'), rec(3, 2, T + 3, 100, b'\xa9\r\n'),
        rec(3, 1, T + 4, 0, b'exit\r'), rec(3, 2, T + 4, 500, b'logout\r\n'),
        rec(2, 0, T + 4, 600000)]
raw = b''.join(recs)
os.makedirs('archive/20261127T034512Z-1/tty')
with gzip.open('archive/20261127T034512Z-1/tty/000003-pts-0.ttylog.gz', 'wb') as f:
    f.write(raw)
open('raw.ttylog', 'wb').write(raw)
outs, ins = b'', b''
for r in recs:
    op, tty, n, d, s, u = struct.unpack('<iLiiLL', r[:24])
    if op == 3 and d == 2: outs += r[24:]
    if op == 3 and d == 1: ins += r[24:]
open('out.bin', 'wb').write(outs)
open('in.bin', 'wb').write(ins)
# A second session whose attacker typed first, with bytes that are not UTF-8.
with gzip.open('archive/20261127T034512Z-1/tty/000004-pts-1.ttylog.gz', 'wb') as f:
    f.write(rec(1, 0, T + 10, 0, tty=4) + rec(3, 1, T + 11, 0, b'id\r', tty=4) +
            rec(3, 2, T + 11, 5, b'uid=0(root) \xff\xfe\r\n', tty=4))
# Damaged and foreign files (outside the archive).
z = gzip.compress(raw)
open('cut.ttylog.gz', 'wb').write(z[:len(z) * 2 // 3])
open('random.bin', 'wb').write(os.urandom(3000))
open('garbage.gz', 'wb').write(gzip.compress(os.urandom(3000)))
open('empty.ttylog.gz', 'wb').close()
open('midrecord.ttylog', 'wb').write(raw[:24 + 38 + 25 + 24])
PY

# --- --list ---
list=$("$TR" --list archive); rc=$?
echo "$list"
check "--list exits 0" test "$rc" -eq 0
check "--list: one line a session" test "$(wc -l <<<"$list")" -eq 2
check "--list: first field replays it, then start, duration, id, tty, in, out, state, commands" \
	grep -qxF "$S 2026-11-27T03:45:12Z 00:00:04 3 pts/0 15 85 closed ls; secret; exit" <<<"$list"
check "--list: the open session, typed first" \
	grep -qxF "$run/tty/000004-pts-1.ttylog.gz 2026-11-27T03:45:22Z 00:00:01 4 pts/1 3 16 open id" <<<"$list"
check "--list of the run dir and of tty/ find the same sessions" \
	test "$("$TR" --list $run | cut -d' ' -f2-)" = "$("$TR" --list $run/tty | cut -d' ' -f2-)" -a \
	"$("$TR" --list $run | cut -d' ' -f2-)" = "$(cut -d' ' -f2- <<<"$list")"
first=$(head -n1 <<<"$list" | cut -d' ' -f1)
check "--list: the first field is a path ttyreplay replays" bash -c '"$0" -s 1000 "$1" >/dev/null' "$TR" "$first"

# --- replay ---
start=$(date +%s%N)
"$TR" -s 1000 "$S" >replay.out 2>replay.err; rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "replay -s 1000 exits 0, quietly" test "$rc" -eq 0 -a ! -s replay.err
check "replay -s 1000 takes under 2 s (recorded 4.6 s)" test "$ms" -lt 2000
printf 'root@web01:~# ls\r\nbin  etc\r\n^[]0;pwned^G\033[1;31mred\033[0m^[[6nroot@web01:~# caf\303\251\r\nlogout\r\n' >replay.want
check "replay shows the screen, OSC title and DSR (split across records) neutralised, colours kept" \
	cmp replay.out replay.want
"$TR" -s 1000 --raw "$S" >raw.out
check "--raw shows the output stream byte for byte" cmp raw.out out.bin
"$TR" -s 1000 --input "$S" >input.out
check "--input shows the keystrokes, echo-off password included" \
	test "$(cat input.out)" = "$(printf 'ls\r\nsecret\r\nexit\r')"
start=$(date +%s%N)
"$TR" -m 0.05 "$S" >/dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "-m 0.05 caps every pause (10 pauses: under 1.5 s)" test "$ms" -lt 1500
"$TR" -s 1000 --raw $run/tty/000004-pts-1.ttylog.gz >typed-first.out
check "the direction field decides, even when the attacker typed first" \
	test "$(head -c 12 typed-first.out)" = "uid=0(root) "

# --- errors and exit statuses ---
expect() {	# expect WHAT STATUS PATTERN ttyreplay-args...
	local what=$1 want=$2 pat=$3 rc
	shift 3
	"$TR" "$@" >err.out 2>err.txt; rc=$?
	if [ "$rc" -eq "$want" ] && grep -qE -- "$pat" err.txt; then
		pass "$what (exit $rc: $(head -n1 err.txt))"
	else
		fail "$what: exit $rc, want $want; stderr: $(head -n2 err.txt)"
	fi
}
expect "missing file" 1 '^ttyreplay: nope\.ttylog\.gz: No such file or directory$' nope.ttylog.gz
expect "empty file" 1 '^ttyreplay: empty\.ttylog\.gz: empty file$' empty.ttylog.gz
expect "a directory" 1 '^ttyreplay: archive: is a directory$' archive
expect "a random file" 1 '^ttyreplay: random\.bin: (not a ttylog file|no complete record)' random.bin
expect "a gzip of garbage" 1 '^ttyreplay: garbage\.gz: not a ttylog file: bad record header at offset 0' garbage.gz
expect "a gzip stream cut short" 3 '^ttyreplay: cut\.ttylog\.gz: warning: truncated record .*compressed stream cut short' -s 1000 cut.ttylog.gz
cp err.out cut.out
"$TR" -s 1000 raw.ttylog >whole.out 2>/dev/null
check "the cut file plays up to the cut: a non-empty proper prefix of the whole file's replay" \
	python3 -c 'import sys; a, b = (open(f, "rb").read() for f in sys.argv[1:])
sys.exit(not (0 < len(a) < len(b) and b.startswith(a)))' cut.out whole.out
expect "a file cut mid-record" 3 '^ttyreplay: midrecord\.ttylog: warning: truncated record payload at offset 87: need 1 bytes, have 0 \(file ends\); read up to there$' -s 1000 --raw midrecord.ttylog
check "... and shows the records before it" test "$(cat err.out)" = "root@web01:~# "
expect "an unknown session id" 1 'no session 77 in this file' -t 77 "$S"
cp "$S" unreadable.ttylog.gz && chmod 600 unreadable.ttylog.gz
if setpriv --reuid=65534 --regid=65534 --clear-groups "$TR" unreadable.ttylog.gz 2>err.txt; then rc=0; else rc=$?; fi
check "an unreadable file: exit 1, 'Permission denied' (as nobody)" \
	grep -qxF 'ttyreplay: unreadable.ttylog.gz: Permission denied' err.txt
check "... exit status 1" test "$rc" -eq 1
expect "bad -s" 2 '^ttyreplay: -s 0: need a speed factor' -s 0 "$S"
expect "no SESSION" 2 'need a SESSION file'
expect "--list of a missing dir" 1 '^ttyreplay: nowhere: No such file or directory$' --list nowhere
expect "script export without --out" 2 'need --out PREFIX' --export script "$S"
check "--help exits 0 and documents the exit statuses" \
	bash -c "'$TR' --help | grep -q '^Exit status: 0 done; 1 '"

# --- exports ---
"$TR" --export script --out sess "$S"
check "--export script writes PREFIX.data and PREFIX.timing, no .tmp left" \
	test -s sess.data -a -s sess.timing -a ! -e sess.data.tmp -a ! -e sess.timing.tmp
scriptreplay -T sess.timing -B sess.data -x out -m 0.001 >sr.out 2>/dev/null
{ cat out.bin; printf '\n'; } >sr.want	# scriptreplay adds a newline at the end
check "scriptreplay -x out reproduces the output bytes exactly" cmp sr.out sr.want
scriptreplay -T sess.timing -B sess.data -x in -m 0.001 >sri.out 2>/dev/null
{ tr '\r' '\n' <in.bin; printf '\n'; } >sri.want	# it shows a typed CR as LF
check "scriptreplay -x in reproduces the input" cmp sri.out sri.want
check "scriptreplay --summary reads START_TIME" \
	bash -c "scriptreplay -T sess.timing -B sess.data --summary 2>&1 | grep -q 'START_TIME:.*2026-11-27 03:45:12'"

"$TR" --export asciicast "$S" >sess.cast
check "--export asciicast: every line is JSON, the header says version 2, events are [t, o|i, text] in time order, o texts are the output" \
	python3 - sess.cast out.bin in.bin <<'PY'
import json, sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
h = json.loads(lines[0])
assert h['version'] == 2 and h['width'] > 0 and h['height'] > 0 and h['timestamp'] == 1795751112, h
ev = [json.loads(l) for l in lines[1:]]
assert all(len(e) == 3 and e[1] in ('o', 'i') and isinstance(e[2], str) for e in ev)
assert all(a[0] <= b[0] for a, b in zip(ev, ev[1:])), 'time runs backwards'
assert ''.join(e[2] for e in ev if e[1] == 'o') == open(sys.argv[2], 'rb').read().decode()
assert ''.join(e[2] for e in ev if e[1] == 'i') == open(sys.argv[3], 'rb').read().decode()
PY
"$TR" --export asciicast $run/tty/000004-pts-1.ttylog.gz >bad.cast 2>bad.err; rc=$?
check "asciicast: bytes that are not UTF-8 are reported on stderr (count, first offset)" \
	grep -qF "2 bytes are not valid UTF-8 (the first at output byte 12); written as U+FFFD" bad.err
check "... the file stays valid JSON, exit 0" \
	python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' bad.cast
check "... exit 0" test "$rc" -eq 0

"$TR" --export ttylog --out sess.ttylog "$S"
check "--export ttylog decodes with an independent reader (Cowrie's '<iLiiLL')" \
	python3 - sess.ttylog raw.ttylog <<'PY'
import struct, sys
def records(path):
    data, at, out = open(path, 'rb').read(), 0, []
    while at < len(data):
        op, tty, n, d, s, u = struct.unpack('<iLiiLL', data[at:at + 24])
        out.append((op, tty, d, s, u, data[at + 24:at + 24 + n]))
        at += 24 + n
    assert at == len(data)
    return out
got = records(sys.argv[1])
assert got == records(sys.argv[2]), 'not the same records'
assert got[0][0] == 1 and got[-1][0] == 2
PY
"$TR" --export ttylog $run/tty/000004-pts-1.ttylog.gz >typed-first.ttylog
check "--export ttylog: an empty output write leads when the attacker typed first (playlog)" \
	python3 -c '
import struct, sys
d = open(sys.argv[1], "rb").read()
at, first = 0, None
while at < len(d):
    op, tty, n, dr, s, u = struct.unpack("<iLiiLL", d[at:at + 24])
    if op == 3 and first is None: first = (dr, n)
    at += 24 + n
assert first == (2, 0), first' typed-first.ttylog

"$TR" --export ttyrec "$S" >sess.ttyrec
check "--export ttyrec: 12-byte headers, the output stream, times never backwards" \
	python3 - sess.ttyrec out.bin <<'PY'
import struct, sys
d, at, body, last = open(sys.argv[1], 'rb').read(), 0, b'', 0
while at < len(d):
    s, u, n = struct.unpack('<III', d[at:at + 12])
    assert u < 1000000 and s * 1000000 + u >= last
    last = s * 1000000 + u
    body += d[at + 12:at + 12 + n]
    at += 12 + n
assert at == len(d) and body == open(sys.argv[2], 'rb').read()
PY
exit $status
