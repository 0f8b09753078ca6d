#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Held-open ptys cannot blind the recording: root in the guest holds 300
# ptys open (more than hostd's 256-session table), and the next ssh login is
# still recorded whole; the sessions evicted to make room end complete.
#
# One perl process (the root_fs has perl-base, no python) opens 300 pty
# pairs, master and slave, so the kernel logs 300 sessions that stay open
# and idle, and sleeps holding them.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" \
	"$TOP/build/bin/ttyreplay" sshpass python3
lab_lock

HELD=300

lab_scratch

# opens: how many tty.open events the run has so far.
opens() { grep -c '"type":"tty.open"' "$events"; }
# held_seen: hostd has seen the holder's sessions open.
held_seen() { [ $(($(opens) - before)) -ge "$HELD" ]; }

must "lab up" "$HONEYNET" lab up --archive "$work/archive"
run=$(lab_run_dir "$work/archive") || { fail "the lab's run directory"; exit 1; }
events=$run/events.jsonl

# TIOCSPTLCK (unlock) and TIOCGPTN (the pts number), x86-64 values.
must "the attacker's holder script is in the guest" attacker 'cat > /root/hold.pl' <<'PL'
use strict;
use Fcntl;
$| = 1;	# "held N" must reach the log while the ptys are held
my @held;
for (1 .. $ARGV[0]) {
	my $unlock = pack("i", 0);
	sysopen(my $m, "/dev/ptmx", O_RDWR | O_NOCTTY) or die "ptmx: $!";
	ioctl($m, 0x40045431, $unlock) or die "TIOCSPTLCK: $!";
	my $n = pack("I", 0);
	ioctl($m, 0x80045430, $n) or die "TIOCGPTN: $!";
	my $pts = "/dev/pts/" . unpack("I", $n);
	sysopen(my $s, $pts, O_RDWR | O_NOCTTY) or die "$pts: $!";
	push @held, $m, $s;
}
print "held ", @held / 2, "\n";
sleep 600;
PL
before=$(opens)
must "root holds $HELD ptys open in the guest" \
	attacker "setsid perl /root/hold.pl $HELD </dev/null >/root/hold.log 2>&1 &
		for i in \$(seq 200); do grep -q held /root/hold.log && break; sleep 0.3; done
		grep -qx 'held $HELD' /root/hold.log || { cat /root/hold.log >&2; exit 1; }"
check "hostd saw the $HELD sessions open" wait_for 30 held_seen

marker=mark$RANDOM$RANDOM
must "the next ssh login types with a pty" \
	python3 "$TOP/tests/integration/tty_attacker.py" "Hush-$RANDOM" "$marker" "catline-$RANDOM"
check "the $HELD ptys are still held" attacker 'for p in /proc/[0-9]*; do
		tr "\0" " " <$p/cmdline 2>/dev/null | grep -q "^perl /root/hold.pl" && exit 0
	done; exit 1'
must "lab down" "$HONEYNET" lab down

replay=$TOP/build/bin/ttyreplay
sessions=()
for f in "$run"/tty/*pts*.ttylog.gz; do
	"$replay" --input -s 1000 "$f" 2>/dev/null | grep -q "echo $marker" && sessions+=("$f")
done
check "the login's typed marker is in exactly one tty file" test ${#sessions[@]} -eq 1
check "its output holds the command's output" \
	grep -qF -- "$marker-42" <<<"$("$replay" -s 1000 "${sessions[0]:-/nonexistent}" 2>&1)"
check "sessions were evicted to make room, each saying its tty and age" python3 - "$events" "$HELD" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
evicted = [e for e in ev if e["type"] == "tty.evicted"]
# The least active go first: consoles open since boot, then the holder's ptys.
ok = len(evicted) >= int(sys.argv[2]) - 256
ok &= any(e["tty"].startswith("pts/") for e in evicted)
ok &= all(e["tty"] and e["age"] >= 0 and e["for"] > 0 for e in evicted)
if not ok:
    print("evicted:", [(e["session"], e["tty"], e["age"], e["for"]) for e in evicted][:20], file=sys.stderr)
sys.exit(0 if ok else 1)
PY
check "every evicted session's file is finished: tty.close evicted, with its sha256" python3 - "$run" <<'PY'
import hashlib, json, os, sys
run = sys.argv[1]
ev = [json.loads(l) for l in open(os.path.join(run, "events.jsonl"))]
evicted = {e["session"] for e in ev if e["type"] == "tty.evicted"}
closes = [e for e in ev if e["type"] == "tty.close" and e["reason"] == "evicted"]
ok = evicted and {e["session"] for e in closes} == evicted
for e in closes:
    data = open(os.path.join(run, e["file"]), "rb").read()
    ok &= e["sha256"] == hashlib.sha256(data).hexdigest()
sys.exit(0 if ok else 1)
PY
check "no stream errors" bash -c "! grep -q '\"stream.error\"' '$events'"
exit $status
