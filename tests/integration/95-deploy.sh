#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A real host, made of namespaces of this test's own: hn-host is the
# honeywall (its eth0 a veth to hn-net, the "Internet"). README's
# "Deploying on a real host" steps, exactly: install into a DESTDIR, write a
# config with two honeypots, start it as the unit's ExecStart does (this
# machine runs no systemd, so the test runs that command itself, with a
# NOTIFY_SOCKET of its own), attack both, restart one (same host keys), kill
# a guest (it comes back in a new run directory, the old one saying why),
# restart the whole service (both keep their host keys), then down: no
# tap, no table, no process, no state of ours is left.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass \
	ssh-keyscan nsenter python3 nft
lab_lock

work=$(mktemp -d /tmp/hn-deploy-XXXXXX)
dest=$work/dest
conf=$work/honeynet.conf
names="t95web t95db"
sup=

host() { nsenter --net=/run/netns/hn-host "$@"; }
net() { ip netns exec hn-net "$@"; }
# ssh_to ADDR CMD...: root's session on a honeypot, from the Internet.
ssh_to() {
	local addr=$1
	shift
	net sshpass -p "${ROOT_PASSWORD:-root}" ssh -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10 \
		-o ServerAliveInterval=15 -o ServerAliveCountMax=4 "root@$addr" "$@"
}
hostkey() { net ssh-keyscan -T 10 -t ed25519 "$1" 2>/dev/null | awk '{print $3}'; }
state_run() { sed -n 's/^run_dir=//p' "/run/honeynet/deploy/$1.state" 2>/dev/null; }

cleanup() {
	[ -x "$dest/usr/sbin/honeynet" ] && [ -e /run/netns/hn-host ] &&
		host "$dest/usr/sbin/honeynet" -c "$conf" down >/dev/null 2>&1
	[ -n "$sup" ] && kill -9 "$sup" 2>/dev/null
	ip netns del hn-host 2>/dev/null
	ip netns del hn-net 2>/dev/null
	for n in $names; do rm -rf "/var/lib/honeynet/$n"; done
	rm -rf "$work"
}
trap cleanup EXIT
before=$(root_net_snapshot)

# The host: its Internet-facing eth0, and the Internet's attacker.
ip netns add hn-host && ip netns add hn-net &&
	ip -n hn-host link add eth0 type veth peer name wan netns hn-net &&
	ip -n hn-host addr add 203.0.113.1/24 dev eth0 &&
	ip -n hn-host link set eth0 up && ip -n hn-host link set lo up &&
	ip -n hn-net addr add 203.0.113.100/24 dev wan &&
	ip -n hn-net link set wan up && ip -n hn-net link set lo up &&
	ip -n hn-net route add default via 203.0.113.1 ||
	{ fail "the test's host and Internet namespaces"; exit 1; }

# Build, install (README's steps).
check "make install DESTDIR PREFIX=/usr" \
	make -s -C "$TOP" install DESTDIR="$dest" PREFIX=/usr
unit=$dest/usr/lib/systemd/system/honeynet.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
check "the unit starts 'honeynet -c CONFIG up --foreground' ($exec_start)" \
	grep -qE '^/usr/sbin/honeynet -c /etc/honeynet/honeynet.conf up --foreground$' <<<"$exec_start"

cat >"$conf" <<EOF
mode = nat
outside_if = eth0
archive = $work/archive
[honeypot t95web]
keep_days = 30
public = 203.0.113.10
internal = 10.0.0.2
root_fs = $dest/usr/share/honeynet/root_fs
persona = $dest/usr/share/honeynet/persona/proc
[honeypot t95db]
public = 203.0.113.11
internal = 10.0.0.3
root_fs = $dest/usr/share/honeynet/root_fs
persona = $dest/usr/share/honeynet/persona/proc
revert = never
limit_tcp = 3
EOF

# A bad config is refused naming file and line, before anything changes.
printf 'mode = nat\noutside_if = eth0\n[honeypot bad]\npublic = 203.0.113.10\nmem = 12\n' >"$work/bad.conf"
out=$(host "$dest/usr/sbin/honeynet" -c "$work/bad.conf" up 2>&1)
check "up refuses a bad config naming file and line ($out)" \
	grep -q "$work/bad.conf:5: .*mem" <<<"$out"
check "... and made no tap" bash -c '! ip -n hn-host -o link show | grep -q t95'

# A run from 2020 in t95web's archive: retention (keep_days = 30) removes it.
old_run=$work/archive/t95web/20200101T000000Z-0badc0de
mkdir -p "$old_run" && echo '{}' >"$old_run/events.jsonl"

# Start it as systemd would: ExecStart's command, our config, our NOTIFY_SOCKET.
notify=$work/notify.sock
python3 - "$notify" >"$work/notified" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(400)
while True:
    m = s.recv(4096).decode()
    print(m.replace("\n", " "), flush=True)
    if "READY=1" in m:
        break
PY
listener=$!
for _ in $(seq 50); do [ -S "$notify" ] && break; sleep 0.1; done
cmd=${exec_start/\/usr\/sbin/$dest\/usr\/sbin}
cmd=${cmd/\/etc\/honeynet\/honeynet.conf/$conf}
NOTIFY_SOCKET=$notify nsenter --net=/run/netns/hn-host $cmd 2>"$work/journal" &
sup=$!
wait "$listener"
check "the service said READY=1 once both sshds answered" grep -q 'READY=1' "$work/notified"
check "the supervisor runs" kill -0 "$sup"

# Both reached from the Internet, each with its own identity.
web=$(ssh_to 203.0.113.10 'hostname; cat /etc/machine-id; /bin/echo marker-of-web; touch /root/left-by-attacker' 2>&1)
db=$(ssh_to 203.0.113.11 'hostname; cat /etc/machine-id; /bin/echo marker-of-db; touch /root/left-by-attacker; sync' 2>&1)
check "the attacker logs in to t95web (hostname t95web)" grep -qx t95web <<<"$web"
check "the attacker logs in to t95db (hostname t95db)" grep -qx t95db <<<"$db"
check "the two machine-ids differ" test "$(sed -n 2p <<<"$web")" != "$(sed -n 2p <<<"$db")"
key_web=$(hostkey 203.0.113.10)
key_db=$(hostkey 203.0.113.11)
check "each has its own ssh host key" test -n "$key_web" -a -n "$key_db" -a "$key_web" != "$key_db"
check "the host key is the one kept in /var/lib/honeynet/t95web" \
	grep -qF "$key_web" /var/lib/honeynet/t95web/identity/ssh_host_ed25519_key.pub

check "retention removed t95web's run from 2020 at the start" test ! -e "$old_run"
check "... and the journal says so" grep -q "retention: removed .*20200101T000000Z-0badc0de" "$work/journal"
run_web=$(state_run t95web)
run_db=$(state_run t95db)
check "t95web's run is under archive/t95web ($run_web)" test -d "$work/archive/t95web/${run_web##*/}"
check "t95db's run is under archive/t95db ($run_db)" test -d "$work/archive/t95db/${run_db##*/}"
sleep 1
check "t95web's archive holds its own session, not t95db's" \
	bash -c 'grep -q marker-of-web "$0/events.jsonl" && ! grep -q marker-of-db "$0/events.jsonl"' "$run_web"
check "t95db's archive holds its own session, not t95web's" \
	bash -c 'grep -q marker-of-db "$0/events.jsonl" && ! grep -q marker-of-web "$0/events.jsonl"' "$run_db"
check "each guest runs jailed as its own uid (64200, 64201)" \
	bash -c 'pgrep -u 64200 >/dev/null && pgrep -u 64201 >/dev/null'
cpu_of() { python3 -c 'import json,sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    if e["type"] == "guest.start": print(e.get("cpu")); break' "$1/events.jsonl"; }
cpu_web=$(cpu_of "$run_web")
cpu_db=$(cpu_of "$run_db")
check "each guest has a CPU of its own (t95web $cpu_web, t95db $cpu_db)" \
	bash -c '[[ "$0" =~ ^[0-9]+$ && "$1" =~ ^[0-9]+$ && "$0" != "$1" ]]' "$cpu_web" "$cpu_db"

# One honeypot may not reach the other, nor the honeywall.
out=$(ssh_to 203.0.113.10 'timeout 5 bash -c "echo > /dev/tcp/10.0.0.3/22" && echo reached || echo refused' 2>&1)
check "t95web cannot reach t95db's sshd ($out)" grep -qx refused <<<"$out"

"$dest/usr/sbin/honeynet" -c "$conf" watch >"$work/watch" 2>&1 &
watcher=$!
sleep 3
kill -INT "$watcher"
check "watch ends on Ctrl-C" wait "$watcher"
check "watch shows t95web's command, as t95web's" grep -q '^[0-9:]* t95web .*exec.*marker-of-web' "$work/watch"
check "watch shows t95db's command, as t95db's" grep -q '^[0-9:]* t95db .*exec.*marker-of-db' "$work/watch"
check "every watch line fits 80 columns" awk 'length > 80 { exit 1 }' "$work/watch"

out=$(host "$dest/usr/sbin/honeynet" -c "$conf" status 2>&1)
check "status shows both running with their runs" \
	bash -c 'grep -q "^t95web: running" <<<"$0" && grep -q "^t95db: running" <<<"$0" && grep -qF "$1" <<<"$0"' "$out" "$run_web"
check "status counts t95web's session" grep -qE 'sessions [1-9]' <<<"$out"

# restart: a new run, the same identity.
check "restart t95web" host "$dest/usr/sbin/honeynet" -c "$conf" restart t95web
new_web=$(state_run t95web)
check "t95web has a new run directory ($new_web)" test -n "$new_web" -a "$new_web" != "$run_web"
check "t95web's host key did not change across the restart" test "$(hostkey 203.0.113.10)" = "$key_web"
check "the old run says it was restarted" grep -q '"type":"guest.ended".*restarted by the operator' "$run_web/events.jsonl"
out=$(ssh_to 203.0.113.10 'ls /root/left-by-attacker 2>&1' 2>&1)
check "revert = every-start: the attacker's file is gone after the restart ($out)" \
	grep -q 'No such file' <<<"$out"
check "... and stays in the last run's own disk.cow" test -s "$run_web/disk/disk.cow"

# A guest that dies comes back in a new run directory.
init=$(guest_pid "$run_db")
check "kill t95db's guest (jail init $init)" kill -9 "$init"
check "t95db comes back in a new run directory" \
	wait_for 120 bash -c 'r=$(sed -n "s/^run_dir=//p" /run/honeynet/deploy/t95db.state); [ -n "$r" ] && [ "$r" != "$0" ]' "$run_db"
check "the dead run's record says why it ended" grep -q '"type":"guest.ended"' "$run_db/events.jsonl"
check "the journal says t95db died and is started again" grep -q 't95db: .*starting it again' "$work/journal"
check "t95db answers again with the same host key" \
	wait_for 120 bash -c '[ "$(ip netns exec hn-net ssh-keyscan -T 5 -t ed25519 203.0.113.11 2>/dev/null | awk "{print \$3}")" = "$0" ]' "$key_db"
out=$(ssh_to 203.0.113.11 'ls /root/left-by-attacker 2>&1' 2>&1)
check "revert = never: the attacker's file is still there ($out)" grep -qx /root/left-by-attacker <<<"$out"

# The whole service restarted (down, then up with a supervisor in the
# background): both come back with the same host keys.
check "restart (the whole honeynet)" host "$dest/usr/sbin/honeynet" -c "$conf" restart
check "the first supervisor exited" gone "$sup"
check "t95web keeps its host key across the service's restart" test "$(hostkey 203.0.113.10)" = "$key_web"
check "t95db keeps its host key across the service's restart" test "$(hostkey 203.0.113.11)" = "$key_db"

# down: everything up made is gone; twice is fine.
check "down" host "$dest/usr/sbin/honeynet" -c "$conf" down
check "no supervisor is left" bash -c '! pgrep -f "$0/usr/sbin/honeynet" >/dev/null' "$dest"
check "down again is fine" host "$dest/usr/sbin/honeynet" -c "$conf" down
check "no tap is left" bash -c '! ip -n hn-host -o link show | grep -qE "hn-t95"'
check "no ruleset is left" bash -c '! ip netns exec hn-host nft list tables | grep -q honeynet'
check "no public address is left on eth0" bash -c '! ip -n hn-host addr show eth0 | grep -q 203.0.113.1[01]/'
check "no guest or hostd process is left" \
	bash -c '! pgrep -u 64200 >/dev/null && ! pgrep -u 64201 >/dev/null && ! pgrep -f "$0/usr/sbin/hostd" >/dev/null' "$dest"
check "no runtime state is left" bash -c '! ls /run/honeynet/deploy/*.state 2>/dev/null | grep -q .'
sup=
ip netns del hn-host && ip netns del hn-net
check "no namespace of ours is left" bash -c '! ip netns list | grep -qE "^hn-(host|net)"'
check "the root namespace's network is unchanged" test "$(root_net_snapshot)" = "$before"
exit $status
