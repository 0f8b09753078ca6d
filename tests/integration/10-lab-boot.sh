#!/bin/bash
# The lab end to end: up, the outside attacker logs in over ssh, down.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass nft
lab_lock

archive=$(mktemp -d /tmp/hn-it-XXXXXX)
trap '"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$archive"' EXIT

"$HONEYNET" lab down >/dev/null 2>&1
before=$(root_net_snapshot)

start=$(date +%s.%N)
check "lab up returns 0 once sshd answers" "$HONEYNET" lab up --archive "$archive"
took=$(echo "$(date +%s.%N) - $start" | bc)
echo "lab up took ${took}s"

check "a second lab up is refused while the lab is up" \
	bash -c "! '$HONEYNET' lab up --archive '$archive' 2>/dev/null"
check "lab status reports the running guest" \
	bash -c "'$HONEYNET' lab status | grep -q 'running'"

kernel=$(attacker uname -r)
echo "guest uname -r: $kernel"
check "attacker sees a 6.1 kernel (uname -r)" grep -qE '^6\.1\.' <<<"$kernel"
uid=$(attacker id -u)
check "attacker is root in the guest (id -u = 0)" test "$uid" = 0

run=$(ls -d "$archive"/*/ 2>/dev/null | head -n 1)
check "the run directory is named <UTC start>-<run id>" \
	grep -qE '/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}/$' <<<"$run"
check "the guest console is logged in the run directory" \
	grep -q 'systemd' "$run/console.log"

check "lab down returns 0" "$HONEYNET" lab down
check "lab down leaves no hn-* namespace and no guest process" lab_gone
check "lab down is safe to run twice" "$HONEYNET" lab down
check "the guest powered off cleanly (systemd reached power-off)" \
	grep -qiE 'reboot: (System halted|Power down)|Powering off' "$run/console.log"
check "the root namespace's links, routes and ruleset are unchanged" \
	test "$before" = "$(root_net_snapshot)"
exit $status
