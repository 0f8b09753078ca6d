#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TTY logging end to end: the attacker types over ssh; the archive has it all.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" \
	"$TOP/build/bin/ttyreplay" sshpass python3
lab_lock

archive=$(mktemp -d /tmp/hn-it-XXXXXX)
trap '"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$archive"' EXIT
"$HONEYNET" lab down >/dev/null 2>&1

secret=Hush-$RANDOM-$RANDOM
marker=mark$RANDOM
catline=catline-$RANDOM
check "lab up" "$HONEYNET" lab up --archive "$archive"
check "the attacker types a session over ssh with a pty" \
	python3 "$TOP/tests/integration/tty_attacker.py" "$secret" "$marker" "$catline"
check "a pty-less login runs a command" attacker 'uname -n; id -un'
check "lab down" "$HONEYNET" lab down

run=$(ls -d "$archive"/*/ | head -n 1)
replay=$TOP/build/bin/ttyreplay
# The attacker's session: the pts session whose input holds the marker.
sessions=()
for f in "$run"tty/*pts*.ttylog.gz; do
	[ -e "$f" ] || continue
	"$replay" --input -s 1000 "$f" 2>/dev/null | grep -q "echo $marker" && sessions+=("$f")
done
check "exactly one tty session holds the attacker's typing" test ${#sessions[@]} -eq 1
s=${sessions[0]:-/nonexistent}
input=$("$replay" --input -s 1000 "$s" 2>&1)
output=$("$replay" -s 1000 "$s" 2>&1)
check "the input holds the secret typed with echo off" grep -qF -- "$secret" <<<"$input"
check "the output does not hold the secret" lacks "$secret" "$output"
check "the output holds the command's output" grep -qF -- "$marker-42" <<<"$output"
check "the output holds the line typed into cat twice (echo and cat)" \
	test "$(grep -oF -- "$catline" <<<"$output" | wc -l)" -ge 2
check "ttyreplay --list names the session first on its line" \
	grep -qF -- "$s " <<<"$("$replay" --list "$run" 2>/dev/null | cut -d' ' -f1 | sed 's/$/ /')"
check "the asciicast export is valid JSON lines" bash -c "'$replay' --export asciicast '$s' |
	python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'"
check "the ttylog export decodes with an independent Cowrie-style reader" bash -c "
	'$replay' --export ttylog --out '$archive/s.ttylog' '$s' && python3 - '$archive/s.ttylog' '$catline' <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
out, off = b'', 0
while off + 24 <= len(data):
    op, tty, ln, d, sec, usec = struct.unpack('<iLiiLL', data[off:off + 24])
    off += 24
    if op == 3 and d == 2:
        out += data[off:off + ln]
    off += ln
sys.exit(0 if off == len(data) and sys.argv[2].encode() in out else 1)
PY"
events=$run/events.jsonl
check "exec events name the attacker's commands (cat, in the session)" \
	python3 -c "
import json, sys
ev = [json.loads(l) for l in open('$events')]
sys.exit(0 if any(e['type'] == 'exec' and e['argv'] == ['cat'] and e['session'] for e in ev) else 1)"
check "exec events hold the pty-less login's commands (uname -n, id -un)" \
	python3 -c "
import json, sys
ev = [e for e in map(json.loads, open('$events')) if e['type'] == 'exec']
sys.exit(0 if any(e['argv'] == ['uname', '-n'] for e in ev) and any(e['argv'] == ['id', '-un'] for e in ev) else 1)"
check "the session's close event carries its file and sha256" python3 -c "
import json, sys, hashlib
name = '$s'[len('$run'):]
ev = [e for e in map(json.loads, open('$events')) if e['type'] == 'tty.close' and e['file'] == name]
sys.exit(0 if ev and ev[0]['sha256'] == hashlib.sha256(open('$s', 'rb').read()).hexdigest() else 1)"
check "no stream errors" bash -c "! grep -q '\"stream.error\"' '$events'"
exit $status
