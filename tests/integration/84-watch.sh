#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The watch feed: make run's 'lab run' shows what the attacker does, one
# printable line of at most 80 columns an event; 'lab watch' shows the same.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass
lab_lock

archive=$(mktemp -d /tmp/hn-it-XXXXXX)
run_pid=
cleanup() {
	[ -n "$run_pid" ] && kill -INT "$run_pid" 2>/dev/null && wait "$run_pid"
	"$HONEYNET" lab down >/dev/null 2>&1
	rm -rf "$archive"
}
trap cleanup EXIT
"$HONEYNET" lab down >/dev/null 2>&1

feed=$archive/feed
mark=watchmark$RANDOM
started="what attackers do follows"
"$HONEYNET" lab run --archive "$archive/runs" >"$feed" 2>"$archive/stderr" &
run_pid=$!
check "lab run brings the lab up and starts the feed" \
	wait_for 150 grep -qF -- "$started" "$feed"
check "lab run says where the guest console went" \
	grep -qE -- "^the guest console goes to $archive/runs/[^/]+/console.log$" "$feed"

# A login with a pty: a command, one whose argv carries terminal escapes, and
# an outbound connection; then a pty-less command.
printf '%s\n' "/bin/true $mark" "/bin/true \$'\\e[31mRED\\e]0;pwned\\a'" \
	"(exec 3<>/dev/tcp/203.0.113.200/80) 2>/dev/null" exit |
	ip netns exec hn-inet sshpass -p "${ROOT_PASSWORD:-root}" ssh -tt \
	-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
	-o ConnectTimeout=10 "root@$LAB_PUBLIC" >/dev/null 2>&1
check "a pty-less login runs a command" attacker "uname -n >/dev/null"

# The feed's lines: after the start line, all but lab down's own.
feed_lines() { sed -n "/$started/,\$p" "$1" | sed 1d | grep -v '^lab down: '; }
# has REGEX: a feed line matches (called through wait_for: hostd and the feed each take a moment).
has() { feed_lines "$feed" | grep -qE -- "$1"; }
check "the feed shows the command run in the session" wait_for 20 has "exec\[[0-9]+\] /bin/true $mark\$"
session=$(feed_lines "$feed" | sed -nE "s/.*exec\[([0-9]+)\] \/bin\/true $mark\$/\1/p" | head -n 1)
check "the feed shows the session opened on a pty" wait_for 20 has " session $session opened \(pts/[0-9]+\)\$"
check "the feed shows the login shell of the session" wait_for 20 has " login shell -bash in session $session as uid 0\$"
check "the feed shows the session closed" wait_for 20 has " session $session closed \(pts/[0-9]+, [0-9.]+ s, [0-9]+ B typed\)\$"
check "the feed shows the pty-less command" wait_for 20 has " exec uname -n\$"
check "the feed shows the attacker's connection to ssh, by its address" \
	wait_for 20 has "^[0-9:]{8} lab  203\.0\.113\.100    inbound tcp/22\$"
check "the feed shows the outbound attempt and its count in the hour" \
	wait_for 20 has "^[0-9:]{8} lab  203\.0\.113\.200    outbound tcp/80 allowed \([0-9]+ of [0-9]+ this hour\)\$"
check "the escape sequence in argv is shown escaped" wait_for 20 has 'exec\[[0-9]+\] /bin/true \\x1b\[31mRED\\x1b\]0;pwned\\x07$'

kill -INT "$run_pid"
wait "$run_pid"
rc=$?
run_pid=
check "lab run stops on Ctrl-C with exit 0" test "$rc" -eq 0
# Not lab_gone: other worktrees' tests may hold hn-* namespaces of their own meanwhile.
check "lab run took the lab down (lab status: down, no hn-inet or hn-wall)" \
	bash -c "out=\$('$HONEYNET' lab status) && [ \"\$out\" = 'lab down' ]"
check "after the poweroff the feed shows the guest's exit" wait_for 20 has " guest exited \(status 0\)\$"

# Every line: the feed's shape, printable ASCII, at most 80 columns.
shape() {
	local bad
	bad=$(feed_lines "$1" | LC_ALL=C grep -vE '^([0-9]{2}:[0-9]{2}:[0-9]{2}|--:--:--) lab  [ -~]*$')
	[ -z "$bad" ] || { echo "not a feed line: $(head -n 3 <<<"$bad")" >&2; return 1; }
	! feed_lines "$1" | LC_ALL=C awk 'length > 80 { bad = 1 } END { exit !bad }'
}
check "every feed line is printable ASCII of at most 80 columns" shape "$feed"
check "no escape byte reaches the terminal" bash -c "! LC_ALL=C grep -q \$'\\e' '$feed'"

# lab watch over the finished run: the same events, until Ctrl-C.
watch=$archive/watch
echo "$started" >"$watch"
timeout --preserve-status -s INT 3 "$HONEYNET" lab watch --archive "$archive/runs" >>"$watch"
check "lab watch stops on Ctrl-C with exit 0" test $? -eq 0
check "lab watch follows the run from its start" grep -qE -- "lab  -                following run [0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}\$" "$watch"
check "lab watch shows the same command" grep -qE -- "exec\[$session\] /bin/true $mark\$" "$watch"
check "every lab watch line is printable ASCII of at most 80 columns" shape "$watch"
exit $status
