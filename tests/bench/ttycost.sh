#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 2: what TTY logging costs the guest. Inside the guest, 50 MB
# written through a pty (script(1) runs head|tr on a pty whose master it
# copies to /dev/null), timed with date inside the guest; the same kernel
# booted with the log on (default) and off (lab up --tty-log off), boots
# alternating on/off. Within each boot two scheduling set-ups, each with a
# discarded warm-up run: the host's default scheduling, then the lab pinned
# (the guest kernel and its processes on CPU 1, hostd on CPU 0). Also the
# loss: what the archive holds of each logged run, and the kernel's
# stream.loss reports. Uses the lab: run from tests/bench/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

BOOTS=${TTY_BOOTS:-2}	# boots per side
RUNS=${TTY_RUNS:-4}	# measured runs per set-up per boot (after one warm-up)
MB=50
w=$WORK/ttycost
rm -rf "$w"
mkdir -p "$w"
[ "$(nproc)" -ge 2 ] || die "the pinned set-up needs 2 CPUs"

# The guest side: RUNS+1 times, "start end" (guest clock, s) a line.
read -r -d '' GUEST <<'SH' || true
for i in $(seq %RUNS%); do s=$(date +%s.%N); script -qc 'head -c %BYTES% /dev/zero | tr "\0" x' /dev/null >/dev/null; e=$(date +%s.%N); echo "$s $e"; done </dev/null
SH
GUEST=${GUEST//%RUNS%/$((RUNS + 1))}
GUEST=${GUEST//%BYTES%/$((MB * 1000000))}

# hostd_use PID: hostd's CPU ticks (user + system) and voluntary context
# switches (each one a wakeup: it slept in poll until the pipe had data).
hostd_use() {
	echo "$(awk '{print $14 + $15}' "/proc/$1/stat") $(awk '/^voluntary_ctxt_switches/ {print $2}' "/proc/$1/status")"
}

# measure SETUP MODE BOOT RUN_DIR HOSTD_PID: one set-up's runs into
# $w/raw-*, and its host-clock window with hostd's CPU seconds and wakeups
# over it into $w/win-*; fails if the guest did not answer.
measure() {
	local t0 u0 u1 raw=$w/raw-$1-$2-$3
	t0=$(now)
	u0=$(hostd_use "$5")
	attacker "$GUEST" > "$raw" || { say "the guest's pty runs failed ($1, $2)"; return 1; }
	u1=$(hostd_use "$5")
	[ "$(wc -l < "$raw")" -eq $((RUNS + 1)) ] || { say "the guest printed: $(cat "$raw")"; return 1; }
	echo "$1 $2 $3 $4 $t0 $(now) $(echo "$u0 $u1" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f %d", ($3 - $1) / hz, $4 - $2}')" > "$w/win-$1-$2-$3"
}

# boot MODE B: boot B with the log MODE, both set-ups measured in it.
boot() {
	local arch=$w/archive-$2-$1 run hp p
	lab_up --tty-log "$1" --archive "$arch" || return 1
	run=$(run_dir "$arch")
	hp=$(ps -o ppid= -p "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["guest"]["pid"])' "$run/meta.json")" | tr -d ' ')
	measure default "$1" "$2" "$run" "$hp" || return 1
	# Pin: hostd on CPU 0, the guest kernel and all under it on CPU 1.
	for p in $(lab_pids "$run"); do
		taskset -a -p -c "$([ "$p" = "$hp" ] && echo 0 || echo 1)" "$p" >/dev/null 2>&1 || true
	done
	measure pinned "$1" "$2" "$run" "$hp" || return 1
	lab_down
}

trap 'lab_down 2>/dev/null || true' EXIT
for ((b = 1; b <= BOOTS; b++)); do
	for mode in on off; do
		say "tty logging $mode, boot $b of $BOOTS"
		# A boot the shared machine spoiled (the guest went away) is redone once.
		if ! boot "$mode" "$b"; then
			echo "ttycost.sh: boot $b, log $mode, redone" >> "$WORK/lab-retries"
			rm -rf "$w/archive-$b-$mode"
			boot "$mode" "$b" || die "tty cost: boot $b with the log $mode failed twice"
		fi
		for setup in default pinned; do
			tail -n +2 "$w/raw-$setup-$mode-$b" | awk '{printf "%.3f\n", $2 - $1}' >> "$w/$setup-$mode"
			cat "$w/win-$setup-$mode-$b" >> "$w/windows"
		done
	done
done
trap - EXIT

# What the logged runs left in the archive, per set-up.
python3 - "$w" "$MB" > "$w/loss" <<'PY'
import json, sys
w, mb = sys.argv[1], int(sys.argv[2])
agg = {}
for line in open(f"{w}/windows"):
    setup, mode, boot, run, t0, t1 = line.split()[:6]
    if mode != "on":
        continue
    a = agg.setdefault(setup, {"runs": 0, "archived": [], "loss_events": 0, "lost_records": 0, "lost_bytes": 0})
    t0, t1 = float(t0), float(t1)
    def t(e):  # "2026-11-27T04:48:45.639421Z"
        from datetime import datetime, timezone
        return datetime.strptime(e["ts"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()
    ev = [json.loads(l) for l in open(f"{run}/events.jsonl")]
    raw = open(f"{w}/raw-{setup}-{mode}-{boot}").read().split("\n")
    # Sessions that carried a 50 MB run (the warm-up included), in order.
    opened = {e["file"]: t(e) for e in ev if e["type"] == "tty.open"}
    big = [e for e in ev if e["type"] == "tty.close" and e["bytes_out"] > mb * 1000000 // 10
           and t0 <= opened.get(e["file"], 0) <= t1]
    a["runs"] += len([l for l in raw if l.strip()])
    a["archived"] += [e["bytes_out"] for e in big]
    for e in ev:
        if e["type"] == "stream.loss" and t0 <= t(e) <= t1 + 1:
            a["loss_events"] += 1
            a["lost_records"] += e["records"]
            a["lost_bytes"] += e["bytes"]
for setup, a in agg.items():
    want = a["runs"] * mb * 1000000
    got = sum(a["archived"])
    print(setup, a["runs"], want, got, want - got, a["loss_events"], a["lost_records"], a["lost_bytes"], len(a["archived"]))
PY
# meta.json counters of the logged boots, for the record.
counters=$(for d in "$w"/archive-*-on/; do d=$(run_dir "$d")
	python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["counters"]; print("records %(records)d, bytes %(bytes)d, losses %(losses)d, lost_records %(lost_records)d, lost_bytes %(lost_bytes)d, dropped_records %(dropped_records)d" % c)' "$d/meta.json"
done)

row() {	# SETUP LABEL
	local on off r
	on=$(median < "$w/$1-on"); off=$(median < "$w/$1-off"); r=$(ratio "$on" "$off")
	echo "| $2 | $(fmt "$on") | $(fmt "$off") | **$r** | $(paste -sd' ' "$w/$1-on") | $(paste -sd' ' "$w/$1-off") | $(if [ "$(echo "$r <= 1.05" | bc)" -eq 1 ]; then echo met; else echo "**missed**"; fi) |"
}
userow() {	# SETUP MODE LABEL: hostd's CPU and wakeups per run (warm-ups included)
	awk -v s="$1" -v m="$2" -v l="$3" -v n=$((RUNS + 1)) -v mb="$MB" '
		$1 == s && $2 == m { cpu += $7; wake += $8; k += n }
		END { printf "| %s | %.2f | %d | %.1f |\n", l, cpu / k, wake / k, wake / k / mb }' "$w/windows"
}
lossrow() {	# SETUP LABEL
	local s n want got miss ev lr lb files
	read -r s n want got miss ev lr lb files < <(grep "^$1 " "$w/loss")
	echo "| $2 | $n | $want | $got | $miss | $ev | $lr | $lb |"
}

cat > "$WORK/md/20-ttycost.md" <<MD
## 2. TTY logging cost: $MB MB through a pty inside the guest, log on vs off

Command (tests/bench/ttycost.sh): boots of the same build/linux alternating
\`build/bin/honeynet lab up\` (log on) and \`build/bin/honeynet lab up --tty-log off\`
(the kernel's tty_log=off), $BOOTS boots each; in each boot, from hn-inet,
\`ip netns exec hn-inet sshpass -p root ssh root@$LAB_PUBLIC CMD\`, twice, with CMD:

    $GUEST

The guest times each run with its own \`date +%s.%N\`, so ssh is not
measured; the first run of each set-up is a warm-up and is dropped, leaving
$RUNS runs per set-up per boot. Each boot measures two set-ups, in this order:

- **default**: the host schedules the lab as it likes over $(nproc) CPUs;
- **pinned**: then \`taskset -a -p -c 1\` on the guest kernel and every
  host process under it, \`taskset -a -p -c 0\` on hostd (the reader on the
  other CPU).

Seconds per $MB MB run (medians of $((BOOTS * RUNS)) runs a side):

| set-up | log on (s) | log off (s) | ratio on / off | runs on (s) | runs off (s) | target: ratio at most 1.05 |
| --- | --- | --- | --- | --- | --- | --- |
$(row default "default scheduling")
$(row pinned "pinned (guest CPU 1, hostd CPU 0)")

### hostd during the runs

hostd's CPU seconds (user + system, /proc/PID/stat) and wakeups (voluntary
context switches: each time it slept in poll until the pipe had data) over
each set-up's runs, per $MB MB run. With the log off hostd reads nothing
(its wakeups are its timers); with it on, nearly every wakeup is one that a
pipe write of the guest kernel paid for.

| set-up, log | hostd CPU per run (s) | hostd wakeups per run | wakeups per MB |
| --- | --- | --- | --- |
$(userow default on "default, log on")
$(userow pinned on "pinned, log on")
$(userow default off "default, log off")
$(userow pinned off "pinned, log off")

### What the log-on runs lost

The kernel queues records in a 1 MiB ring and hands them to hostd through a
non-blocking pipe; when hostd falls behind, whole records are dropped and
reported in-band (stream.loss events). "Archived" is the bytes_out of each
run's pty session (its tty.close event), warm-up runs included; lost
records/bytes are the stream.loss events inside each set-up's window (bytes
are wire bytes: 32-byte headers included).

| set-up | runs logged | bytes written to the pty | bytes in the archive | missing | stream.loss events | lost records | lost bytes |
| --- | --- | --- | --- | --- | --- | --- | --- |
$(lossrow default "default scheduling")
$(lossrow pinned "pinned")

meta.json counters of the log-on boots (whole boot, both set-ups and the logins):

$(sed 's/^/    /' <<<"$counters")
MD
