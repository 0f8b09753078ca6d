#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The kernel alone is a honeypot: in a directory holding root_fs and a
# persona, with tap0 made beforehand, exactly `linux ubd0=root_fs
# eth0=tuntap,,,` boots a guest whose /proc is masked and whose ttys are
# logged (to files in the current directory), with nothing of the command
# line in the guest. Runs in a network namespace of its own (not the lab's).
# The kernel refuses the host's root (patch 0005), saying how to start it;
# it boots as an unprivileged user with no capabilities, tap0 made for it.
source "$(dirname "$0")/lib.sh"
source "$TOP/tests/lib/unpriv.sh"
require root setpriv "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass
lab_lock

ns=bare-test-$$
work=$(mktemp -d /tmp/hn-bare-XXXXXX)
kpid=
cleanup() {
	[ -n "$kpid" ] && kill -KILL -- "-$kpid" 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" tuntap add dev tap0 mode tap user "$HN_JAIL_UID" group "$HN_JAIL_UID"
ip -n "$ns" addr add 10.0.0.1/24 dev tap0
ip -n "$ns" link set tap0 up
cp --sparse=always "$TOP/build/root_fs" "$work/root_fs"
check "honeynet persona make: ./persona with the host CPU's cpuinfo" \
	"$HONEYNET" persona make --from "$TOP/rootfs/persona/proc" --out "$work/persona"
chown -R "$HN_JAIL_UID:$HN_JAIL_UID" "$work"

out=$(cd "$work" && timeout 20 ip netns exec "$ns" "$TOP/build/linux" \
	ubd0=root_fs eth0=tuntap,,, </dev/null 2>&1)
rc=$?
check "as the host's root the kernel refuses to start (exit $rc, not 0 nor a timeout)" \
	test "$rc" -ne 0 -a "$rc" -ne 124
check "... and says how to start it unprivileged" grep -q 'refusing to run as the host.s root.*' <<<"$out"
check "... naming setpriv with no capabilities" grep -qF -- '--bounding-set=-all' <<<"$out"
check "... before it booted anything" lacks "Linux version" "$out"

# The unprivileged kernel opens tap0 through /dev/net/tun, which Debian's
# udev makes 0666; this machine's kind makes it 0600, so in a mount
# namespace of the test's own a node of the kernel's uid stands over it.
mknod "$work/tun" c 10 200
chown "$HN_JAIL_UID:$HN_JAIL_UID" "$work/tun"
chmod 0600 "$work/tun"
# The operator's console is the kernel's stdout; setsid so the whole
# guest can be killed as one group if it does not power off. HOME is the
# unprivileged user's (UML keeps its umid directory in ~/.uml).
(cd "$work" && exec setsid ip netns exec "$ns" unshare -m --propagation private \
	sh -c 'mount --bind "$0" /dev/net/tun && exec "$@"' "$work/tun" env HOME="$work" \
	"${HN_UNPRIV[@]}" "$TOP/build/linux" ubd0=root_fs eth0=tuntap,,, </dev/null >console.log 2>&1) &
kpid=$!

# guest [-tt] CMD: CMD in the guest over ssh as root (-tt: on a pty).
guest() {
	local tty=()
	[ "$1" = -tt ] && { tty=(-tt); shift; }
	ip netns exec "$ns" sshpass -p root ssh -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
		-o ConnectTimeout=5 "${tty[@]}" root@10.0.0.2 "$@"
}
up() { guest true 2>/dev/null; }
check "the guest answers ssh on 10.0.0.2 within 60 s" wait_for 60 up

marker=bare-boot-$$
out=$(guest -tt "/bin/echo $marker; cat /proc/cmdline; tr '\\0' '\\n' </proc/1/environ" 2>&1)
ran=$?
check "ssh with a pty runs in the guest (exit 0, the marker echoed)" \
	bash -c '[ "$0" -eq 0 ] && grep -q "$1" <<<"$2"' "$ran" "$marker" "$out"
# ran_lacks TEXT: the command above ran, and its output lacks TEXT (an
# ssh error lacks everything, so it cannot pass).
ran_lacks() { [ "$ran" -eq 0 ] && grep -q -- "$marker" <<<"$out" && lacks "$1" "$out"; }
check "the guest's /proc/cmdline has none of ours (ubd0=, eth0=)" ran_lacks "ubd0="
check "... nor tuntap" ran_lacks "tuntap"
check "/proc is masked by ./persona (iomem has System RAM)" \
	grep -q 'System RAM' <<<"$(guest cat /proc/iomem)"
check "/proc/cpuinfo is persona make's (the hypervisor flag)" \
	grep -qE '^flags.* hypervisor( |$)' <<<"$(guest cat /proc/cpuinfo)"
virt=$(guest 'systemd-detect-virt || true')
check "systemd-detect-virt ran and does not say uml (it said '$virt')" \
	bash -c '[ "$0" -eq 0 ] && [ -n "$1" ] && ! grep -q uml <<<"$1"' $? "$virt"
check "the disk is vda" grep -q ' vda$' <<<"$(guest cat /proc/partitions)"

# tty_log_dir defaults to the current directory: one file a session.
logged() { grep -qa -- "$marker" "$work"/ttylog-* 2>/dev/null; }
check "the pty session is logged to ./ttylog-* on the host" wait_for 5 logged
check "the exec of /bin/echo is logged with its argv" \
	bash -c "cat '$work'/ttylog-* | grep -qa '/bin/echo'"

# The poweroff is asked again if the kernel is still there after 40 s: an
# ssh that never reached the guest says nothing of its shutdown. The
# console's tail is shown when it does not end.
gone() { ! kill -0 "$kpid" 2>/dev/null; }
for try in 1 2 3; do
	guest poweroff >/dev/null 2>&1
	wait_for 40 gone && break
done
check "poweroff in the guest ends the kernel (asked $try times, 40 s each)" gone
gone || tail -n 20 "$work/console.log"
check "the console (stdout) shows the boot" grep -q 'Linux version' "$work/console.log"
exit $status
