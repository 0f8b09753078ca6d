#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The kernel's TTY log loss policy, for real: a stopped reader costs whole
# records, counted in-band (stream.loss), never the guest or the stream's
# validity; a running reader loses nothing of a burst larger than the ring.
#
# hostd is SIGSTOPped (its capture and NFLOG stop too: the kernel buffers
# or drops packets there, and nothing in hostd counts a stop as a failure)
# while a process in the guest writes LOST_MB through a pty (script(1),
# inside the guest, so nothing crosses the network); the kernel's 1 MiB
# ring and hostd's 1 MiB pipe fill, the rest is dropped and counted. After
# SIGCONT the same burst, larger, must arrive whole.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" \
	"$TOP/build/bin/ttyreplay" sshpass python3
lab_lock

LOST_BYTES=6000000	# with the reader stopped: 3x the ring and the pipe
WHOLE_BYTES=8000000	# with the reader running: 4x, and none lost

tmp=$(mktemp -d /tmp/hn-it-XXXXXX)
hostd_pid=
# A stopped hostd would make lab down wait for nothing: resume it first.
trap '[ -n "$hostd_pid" ] && kill -CONT "$hostd_pid" 2>/dev/null
	"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$tmp"' EXIT
"$HONEYNET" lab down >/dev/null 2>&1

# burst N: writes N bytes ('x') through a new pty in the guest; prints "done N".
burst() {
	attacker "script -qc 'head -c $1 /dev/zero | tr \"\\0\" x' /dev/null >/dev/null </dev/null; echo done $1"
}

must "lab up" "$HONEYNET" lab up --archive "$tmp/archive"
run=$(lab_run_dir "$tmp/archive") && hostd_pid=$(lab_hostd_pid) &&
	kernel_pid=$(python3 -c "import json; print(json.load(open('$run/meta.json'))['guest']['pid'])") ||
	{ fail "the lab's run directory, hostd and guest kernel pids"; exit 1; }
events=$run/events.jsonl

kill -STOP "$hostd_pid"
must "hostd is stopped (state T)" test "$(awk '{print $3}' "/proc/$hostd_pid/stat")" = T
check "the guest writes $LOST_BYTES bytes through a pty while hostd is stopped" \
	test "$(burst $LOST_BYTES)" = "done $LOST_BYTES"
kill -CONT "$hostd_pid"
check "a stream.loss event arrives once hostd reads again" \
	wait_for 30 grep -q '"stream.loss"' "$events"
check "the guest kernel is alive" kill -0 "$kernel_pid"
check "the guest still answers" test "$(attacker 'echo alive-$((6*7))')" = alive-42

check "with hostd reading, the guest writes $WHOLE_BYTES bytes through a pty" \
	test "$(burst $WHOLE_BYTES)" = "done $WHOLE_BYTES"
must "lab down" "$HONEYNET" lab down

# One line of facts from the archive, checked below one by one.
facts=$(python3 - "$run" "$LOST_BYTES" "$WHOLE_BYTES" <<'PY'
import json, sys
run, lost_n, whole_n = sys.argv[1], sys.argv[2], sys.argv[3]
ev = [json.loads(l) for l in open(f"{run}/events.jsonl")]
meta = json.load(open(f"{run}/meta.json"))
def session_of(n):
    s = [e["session"] for e in ev if e["type"] == "exec" and e["argv"] == ["head", "-c", n, "/dev/zero"]]
    return s[0] if len(s) == 1 and s[0] else 0
def close_of(s):
    c = [e for e in ev if e["type"] == "tty.close" and e["session"] == s]
    return c[0] if len(c) == 1 else {"bytes_out": -1, "file": "none"}
loss = [e for e in ev if e["type"] == "stream.loss"]
lost, whole = close_of(session_of(lost_n)), close_of(session_of(whole_n))
bad = [e["type"] for e in ev if e["type"] in ("stream.error", "stream.resync", "hostd.suspend", "hostd.error")]
print(len(loss), sum(e["records"] for e in loss), sum(e["bytes"] for e in loss),
      lost["bytes_out"], run + "/" + lost["file"], whole["bytes_out"],
      len(bad), meta["counters"]["losses"], meta["counters"]["stream_errors"],
      meta["failure"] is None)
PY
) || { fail "the archive's events.jsonl or meta.json did not parse"; exit 1; }
read -r n_loss lost_recs lost_bytes lost_out lost_file whole_out n_bad \
	meta_losses meta_errors meta_ok <<<"$facts"
echo "archive: $n_loss stream.loss ($lost_recs records, $lost_bytes bytes lost);" \
	"the stopped burst archived $lost_out of $LOST_BYTES bytes, the running one $whole_out of $WHOLE_BYTES"
lost_payload=$((lost_bytes - 32 * lost_recs))
check "exactly one stream.loss event (one gap, reported once)" test "$n_loss" -eq 1
check "the loss counts records and bytes (non-zero)" test "$lost_recs" -gt 0 -a "$lost_bytes" -gt 0
check "the stopped burst's session lost bytes" test "$lost_out" -ge 0 -a "$lost_out" -lt "$LOST_BYTES"
check "what the session kept plus what the loss counts covers the burst" \
	test $((lost_out + lost_payload)) -ge "$LOST_BYTES"
check "and not much more (64 KiB for other records dropped meanwhile)" \
	test $((lost_out + lost_payload)) -le $((LOST_BYTES + 65536))
check "the running burst's session holds every byte" test "$whole_out" -eq "$WHOLE_BYTES"
check "no stream.error, stream.resync, hostd.suspend or hostd.error event" test "$n_bad" -eq 0
check "meta.json: losses 1, stream_errors 0, no failure" \
	test "$meta_losses" = 1 -a "$meta_errors" = 0 -a "$meta_ok" = True
check "ttyreplay replays the lossy session: every archived byte, exit 0" bash -o pipefail -c "
	n=\$('$TOP/build/bin/ttyreplay' -s 1000 -m 0.01 '$lost_file' 2>'$tmp/replay.err' | tr -cd x | wc -c) &&
	test \"\$n\" -eq '$lost_out'"
check "ttyreplay says nothing is wrong with the file (whole records)" test ! -s "$tmp/replay.err"
exit $status
