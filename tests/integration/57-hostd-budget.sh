#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# hostd's bounds on what a guest makes the host store, without a guest: a
# fake kernel that floods its console past console.log's cap, one that
# grows disk.cow past --budget (the fail-closed pause names the budget),
# and --budget's refusals. The lab's own test (78-lab-budget.sh) floods a
# real guest's capture.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

HOSTD=$TOP/build/bin/hostd
require python3 cmp "$HOSTD"
T=$(mktemp -d /tmp/hostd-budget-XXXXXX)
chmod 755 "$T"	# the stand-in kernels run as the jail's uid (hostd --jail off)
kids=()
cleanup() {
	local p
	for p in "${kids[@]}"; do kill -9 "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT

CAP=$((16 << 20))
# The console: a line, then a pause long enough to look at console.log
# while the kernel runs, then 17 MiB: 1 MiB more than the cap.
cat >"$T/console-kernel" <<'SH'
#!/bin/sh
echo "console-ready-marker"
sleep 1.5
yes "console 0123456789abcdef" | head -c 17825792
exit 0
SH
# A disk that grows: 256 KiB into $1 every 50 ms, 40 times (10 MiB).
cat >"$T/disk-kernel" <<'SH'
#!/bin/sh
echo "disk kernel: writing $1"
i=0
while [ $i -lt 40 ]; do head -c 262144 /dev/urandom >>"$1"; i=$((i + 1)); sleep 0.05; done
exec sleep 300
SH
chmod +x "$T/console-kernel" "$T/disk-kernel"

# meta FIELD.PATH RUN: a meta.json value, for messages.
meta() { python3 -c 'import json, sys
v = json.load(open(sys.argv[2] + "/meta.json"))
for k in sys.argv[1].split("."): v = v[k]
print(v)' "$1" "$2"; }

# 1. console.log: readable while the kernel runs, exactly the cap, the rest counted.
R=$T/c
"$HOSTD" --run-dir "$R" --budget 64M --jail off -- "$T/console-kernel" 2>"$T/c.err" &
hp=$!
kids+=("$hp")
check "console.log is readable live: the kernel's first line is there while it runs" \
	wait_for 5 grep -qs console-ready-marker "$R/console.log"
check "... before the kernel has exited" kill -0 "$hp"
wait "$hp"
check "a kernel that floods its console exits 0 through hostd" [ $? -eq 0 ]
check "console.log holds exactly the cap, 16 MiB: $(stat -c %s "$R/console.log" 2>/dev/null) bytes" \
	[ "$(stat -c %s "$R/console.log" 2>/dev/null)" = "$CAP" ]
check "nothing under the cap is lost: console.log is the console's first 16 MiB, byte for byte" \
	cmp -s "$R/console.log" <({ echo console-ready-marker; yes "console 0123456789abcdef"; } | head -c "$CAP")
check "one console.cut event, with the cap and what was written" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
cut = [e for e in ev if e["type"] == "console.cut"]
sys.exit(not (len(cut) == 1 and cut[0]["cap"] == 16 << 20 and cut[0]["written"] == 16 << 20))' "$R"
check "meta.json counts the rest, not written: console.cut = $(meta console.cut "$R") (1 MiB + the marker line)" \
	[ "$(meta console.cut "$R")" = $((17825792 + 21 - CAP)) ]
check "stderr says the cap once and the count at the end" \
	bash -c '[ "$(grep -c "console.log: reached its cap of 16.0 MiB" "$0")" = 1 ] &&
		grep -q "console.log: 1.0 MiB of the console beyond its cap were counted, not written" "$0"' "$T/c.err"
check "meta.json: the budget given (64 MiB) and its capture share (32 MiB)" \
	[ "$(meta budget.bytes "$R") $(meta budget.capture_share "$R")" = "$((64 << 20)) $((32 << 20))" ]

# 2. The budget's end: disk.cow outgrows a 2 MiB budget; the guest is paused.
R=$T/d
# The stand-in writes its disk through the jail's group, as a jailed kernel does.
mkdir -p "$R/disk"
"$HOSTD" --run-dir "$R" --budget 2M --jail off --jail-rw "$R/disk=/disk" \
	-- "$T/disk-kernel" "$R/disk/disk.cow" 2>"$T/d.err" &
hp=$!
kids+=("$hp")
check "the budget's end is said on stderr, naming the budget, and the guest paused" \
	wait_for 10 grep -qs "^hostd: archive $R: budget of 2.0 MiB (2097152 bytes) used up: the run directory holds [0-9.]* MiB; guest paused" "$T/d.err"
gp=$(guest_pid "$R")
sleep 0.5
check "the guest's process group is stopped (T)" \
	[ "$(awk '{print $3}' "/proc/$gp/stat" 2>/dev/null)" = T ]
size1=$(stat -c %s "$R/disk/disk.cow")
sleep 1
check "disk.cow stops growing once paused: $size1 bytes, under the budget plus a scan interval's worth" \
	[ "$(stat -c %s "$R/disk/disk.cow")" = "$size1" -a "$size1" -lt $((4 << 20)) ]
check "one hostd.suspend event whose what names the budget" python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1] + "/events.jsonl")]
s = [e for e in ev if e["type"] == "hostd.suspend"]
sys.exit(not (len(s) == 1 and "budget of 2.0 MiB" in s[0]["what"] and s[0]["guest_paused"]))' "$R"
kill -TERM "$hp"
wait "$hp"
check "SIGTERM after the budget's end: exit 4" [ $? -eq 4 ]
check "meta.json: state failed, the failure names the budget" \
	bash -c '[ "$0" = failed ] && grep -q "budget of 2.0 MiB (2097152 bytes) used up" <<<"$1"' \
	"$(meta state "$R")" "$(meta failure "$R")"
check "meta.json: what the run directory held at the end ($(meta budget.used "$R") bytes) is past the budget" \
	[ "$(meta budget.used "$R")" -ge $((2 << 20)) ]

# 3. Without --budget: half of what the filesystem has free.
R=$T/n
"$HOSTD" --run-dir "$R" --jail off -- /bin/true 2>/dev/null
free=$(df -B1 --output=avail "$T" | tail -n 1)
check "the default budget is about half the free space ($(meta budget.bytes "$R") of $free free)" python3 -c '
import sys
b, free = int(sys.argv[1]), int(sys.argv[2])
sys.exit(not (abs(b - free // 2) < 64 << 20))' "$(meta budget.bytes "$R")" "$free"

# 4. --budget's refusals: too small, no unit it knows, with --parse.
usage_rc() { "$HOSTD" "$@" 2>"$T/u.err"; echo $?; }
check "--budget 1023K, 5X, 1.5G: usage errors (2), nothing started" \
	bash -c '[ "$*" = "2 2 2" ] && [ ! -e "$0" ]' "$T/o" \
	"$(usage_rc --run-dir "$T/o" --budget 1023K -- /bin/true)" \
	"$(usage_rc --run-dir "$T/o" --budget 5X -- /bin/true)" \
	"$(usage_rc --run-dir "$T/o" --budget 1.5G -- /bin/true)"
check "... saying what it expects" grep -q "^hostd: --budget 1.5G: expected bytes, or a number with K, M, G or T" "$T/u.err"
check "--budget with --parse: a usage error (2)" [ "$(usage_rc --run-dir "$T/o" --parse /dev/null --budget 8M)" = 2 ]
check "--help documents --budget" bash -c '"$0" --help | grep -q -- "--budget SIZE"' "$HOSTD"
exit $status
