#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# honeynet check: the example honeynet.conf and broken ones, through the real
# binary: exit status, summary, and refusals naming file, line and setting.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" nft

ns=hn-check-$$
T=$(mktemp -d /tmp/hn-check-XXXXXX)
trap 'ip netns del "$ns" 2>/dev/null; rm -rf "$T"' EXIT
# The example's outside_if, in a namespace of this test's own.
ip netns add "$ns"
ip -n "$ns" link add eth0 type veth peer name peer0
in_ns() { ip netns exec "$ns" "$@"; }
example=$TOP/tools/honeynet/conf/honeynet.conf.example

# The example with this test's root_fs and persona in place of the
# installed ones (which need not exist here).
: >"$T/root_fs"
mkdir "$T/persona"
sed -e "s#^root_fs = .*#root_fs = $T/root_fs#" -e "s#^persona = .*#persona = $T/persona#" \
	"$example" >"$T/good.conf"

# run_check FILE: honeynet check FILE in the namespace; sets rc, out, err.
run_check() {
	out=$(in_ns "$HONEYNET" check "$@" 2>"$T/stderr")
	rc=$?
	err=$(cat "$T/stderr")
}

run_check "$T/good.conf"
check "the example with this host's files is good (exit 0, nothing on stderr)" \
	test "$rc" -eq 0 -a -z "$err"
check "the summary names the file, mode and outside_if" \
	grep -qF "$T/good.conf: good; nat mode, outside_if eth0, 2 honeypots" <<<"$out"
check "the summary gives web's addresses and default tap" \
	grep -qF "honeypot web: public 203.0.113.10, internal 10.0.0.2, tap hn-web" <<<"$out"
check "the summary gives web's cpu, revert policy and jail uid" \
	grep -qF "cpu 1, mem 256 MiB, revert every-start, jail uid 64200" <<<"$out"
check "the summary gives db's defaults: cpu chosen by up, the next jail uid" \
	grep -qF "cpu chosen by up, mem 512 MiB, revert never, jail uid 64201" <<<"$out"
check "the summary gives each archive directory" \
	grep -qF "archive /var/lib/honeynet/archive/db, budget half the free space" <<<"$out"
check "the summary gives the gateway, prefix and kernel" \
	grep -qxF "gateway 10.0.0.1/24, kernel the one beside honeynet" <<<"$out"
check "the summary gives web's hostname and NFLOG groups" \
	grep -qxF "  hostname www, nflog groups 5 (logged) and 6 (unlogged)" <<<"$out"
check "the summary gives db's defaults: its name, the next two groups" \
	grep -qxF "  hostname db, nflog groups 7 (logged) and 8 (unlogged)" <<<"$out"
check "the summary gives the retention" grep -qxF "  runs kept forever, no size cap" <<<"$out"
check "check changed nothing: no tap made" \
	bash -c "! ip -n '$ns' link show hn-web >/dev/null 2>&1"
check "check changed nothing: no nft table" test -z "$(in_ns nft list tables)"

# refused WHAT FILE MESSAGE: check exits 1, prints nothing on stdout, and
# its one stderr line is "honeynet: " and MESSAGE.
refused() {
	run_check "$2"
	check "$1" test "$rc" -eq 1 -a -z "$out" -a "$err" = "honeynet: $3"
}

line=$(grep -n '^root_fs = ' "$example" | head -n 1 | cut -d: -f1)
refused "the example as shipped: its root_fs is not on this host, named by line" "$example" \
	"$example:$line: honeypot web: root_fs = /var/lib/honeynet/images/root_fs: No such file or directory"

printf '%s\n' 'mode = nat' 'outside_if = eth0' '[honeypot web]' 'public = 203.0.113.10' \
	'internal = 10.0.0.2' "root_fs = $T/root_fs" "persona = $T/persona" >"$T/base.conf"
bad() { cat "$T/base.conf" - >"$T/bad.conf"; }

bad <<<'mem = 99999'
refused "mem out of bounds" "$T/bad.conf" \
	"$T/bad.conf:8: honeypot web: mem = 99999: need MiB from 64 to 4096"
bad <<<'colour = red'
refused "an unknown setting" "$T/bad.conf" "$T/bad.conf:8: honeypot web: unknown setting \"colour\""
printf '%s\n' '[honeypot web]' >"$T/x" && bad <"$T/x"
refused "two honeypots with one name" "$T/bad.conf" \
	"$T/bad.conf:8: [honeypot web]: also on line 3; each honeypot's name is its own"
printf '%s\n' '[honeypot db]' 'public = 203.0.113.10' >"$T/x" && bad <"$T/x"
refused "one public address twice" "$T/bad.conf" \
	"$T/bad.conf:9: honeypot db: public: 203.0.113.10 is given twice"
printf '%s\n' '[honeypot db]' 'public = 203.0.113.11' 'internal = 10.0.0.3' "persona = $T/persona" >"$T/x" &&
	bad <"$T/x"
refused "a honeypot without its root_fs" "$T/bad.conf" \
	"$T/bad.conf:8: honeypot db: root_fs: missing; the honeypot's root_fs image is needed"
bad <<<'cpu = 1023'
run_check "$T/bad.conf"
check "a CPU this host does not have" test "$rc" -eq 1 -a -z "$out" -a \
	"${err#"honeynet: $T/bad.conf:8: honeypot web: cpu = 1023: not one of the"}" != "$err"
bad <<<'hostname = Web'
refused "a host name with a capital" "$T/bad.conf" \
	"$T/bad.conf:8: honeypot web: hostname = Web: not a host name (1 to 63 of a-z 0-9 -, not starting or ending with -)"
printf '%s\n' '[honeypot db]' 'public = 203.0.113.11' 'internal = 10.0.0.3' "root_fs = $T/root_fs" \
	"persona = $T/persona" 'nflog_group = 6' >"$T/x" && bad <"$T/x"
refused "one NFLOG group for two honeypots" "$T/bad.conf" \
	"$T/bad.conf:13: honeypot db: nflog_group 6: also honeypot web's unlogged_group; each NFLOG group is one honeypot's"
sed '1a gateway = 10.0.0.2' "$T/base.conf" >"$T/bad.conf"
refused "a gateway that is a honeypot's address" "$T/bad.conf" \
	"$T/bad.conf:6: honeypot web: internal 10.0.0.2: also the gateway; a honeypot's default route is another host"
sed '1s/nat/bridge/; /^internal/d' "$T/base.conf" >"$T/bad.conf"
refused "bridge mode without a gateway" "$T/bad.conf" \
	"$T/bad.conf: gateway: missing; bridge mode needs the outside network's router"
sed '1a kernel = /nonexistent/linux' "$T/good.conf" >"$T/bad.conf"
refused "a kernel that is not there" "$T/bad.conf" \
	"$T/bad.conf: kernel = /nonexistent/linux: No such file or directory"
sed -i "s#^persona = .*#persona = $T/nothing#" "$T/base.conf" && bad </dev/null
refused "a persona directory that is missing" "$T/bad.conf" \
	"$T/bad.conf:7: honeypot web: persona = $T/nothing: No such file or directory"

sed -e 's/^outside_if = eth0/outside_if = hn-nosuch0/' "$T/good.conf" >"$T/bad.conf"
refused "an outside_if this host lacks" "$T/bad.conf" \
	"$T/bad.conf: outside_if = hn-nosuch0: no such interface here"
refused "a missing config file, by path" /nonexistent/honeynet.conf \
	"/nonexistent/honeynet.conf: No such file or directory"

all=$(in_ns "$HONEYNET" check 2>&1)
check "with no argument it reads /etc/honeynet/honeynet.conf" grep -qF /etc/honeynet/honeynet.conf <<<"$all"
in_ns "$HONEYNET" check a b >/dev/null 2>&1
check "two files are bad usage (exit 2)" test $? -eq 2
check "the usage text lists check" bash -c "'$HONEYNET' --help | grep -qF 'honeynet check [CONFIG]'"
exit $status
