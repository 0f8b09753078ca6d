#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
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
# Exactly the line of a live hostd: "running" is also in "not running".
run=$(lab_run_dir "$archive")
status_line=$("$HONEYNET" lab status)
check "lab status: exactly 'lab up: hostd pid $(lab_hostd_pid) running, archive $run'" \
	test "$status_line" = "lab up: hostd pid $(lab_hostd_pid) running, archive $run"

kernel=$(attacker uname -r)
echo "guest uname -r: $kernel"
check "attacker sees a 6.1 kernel (uname -r)" grep -qE '^6\.1\.' <<<"$kernel"
uid=$(attacker id -u)
check "attacker is root in the guest (id -u = 0)" test "$uid" = 0

check "the run directory is named <UTC start>-<run id>" \
	grep -qE '/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$' <<<"$run"
# Provenance: the identity meta.json records is that of the files this run
# used: the kernel's sha256, and the root_fs's size and the sha256 of its
# manifest (with a manifest hostd hashes that, not the 2 GB image) or, if
# hostd hashed the image, the image's.
check "meta.json: the kernel is $TOP/build/linux, its sha256 that of sha256sum" python3 -c '
import json, os, sys
k = json.load(open(sys.argv[1] + "/meta.json"))["kernel"]
print("meta.json kernel:", k)
ok = os.path.realpath(k["path"]) == os.path.realpath(sys.argv[2])
sys.exit(not (ok and k["sha256"] == sys.argv[3] and len(sys.argv[3]) == 64))' \
	"$run" "$TOP/build/linux" "$(sha256sum "$TOP/build/linux" | cut -d' ' -f1)"
check "meta.json: the root_fs is $TOP/build/root_fs, its size and hash those of the files" python3 -c '
import json, os, sys
r = json.load(open(sys.argv[1] + "/meta.json"))["root_fs"]
print("meta.json root_fs:", r)
path, man, img = sys.argv[2:5]
ok = os.path.realpath(r["path"]) == os.path.realpath(path) and r["size"] == os.stat(path).st_size
ok &= r["manifest_sha256"] == man if r["hash"] == "manifest" else r["sha256"] == img
sys.exit(not ok)' "$run" "$TOP/build/root_fs" \
	"$(sha256sum "$TOP/build/root_fs.manifest" | cut -d' ' -f1)" \
	"$(if [ -e "$TOP/build/root_fs.manifest" ]; then echo none; else sha256sum "$TOP/build/root_fs" | cut -d' ' -f1; fi)"
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
