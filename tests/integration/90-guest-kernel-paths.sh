#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Containment, layer 1: as root in the lab guest, every path to the guest
# kernel's memory or to the host that kconfig/PATHS.md turns off is refused,
# what it keeps behaves as it says, and a Debian server's usual tools still
# work. Each probe prints what happened, so a probe that did not run fails.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass
lab_lock

archive=$(mktemp -d /tmp/hn-it-XXXXXX)
trap '"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$archive"' EXIT
"$HONEYNET" lab down >/dev/null 2>&1

# probe VAR WHAT CMD: runs CMD in the guest and keeps its output in VAR;
# the check is that ssh and CMD ran, so what VAR then lacks cannot pass.
probe() {
	local out
	if out=$(guest "$3"); then pass "$2"; else fail "$2: $(head -c 200 <<<"$out")"; fi
	printf -v "$1" '%s' "$out"
}

check "lab up" "$HONEYNET" lab up --archive "$archive"

# Raw system calls through perl-base: NAME RETURN ERRNO-NAME a line. getpid
# is the control: it must return perl's own pid (the "self" line), so a
# probe that never ran cannot pass. The arguments would be harmless even
# where a call exists (kexec_load with no segments unloads nothing loaded,
# finit_module gets fd -1).
syscalls='use Errno;
my @calls = ([getpid => 39], [kexec_load => 246, 0, 0, 0, 0],
	[kexec_file_load => 320, -1, -1, 0, 0, 0], [bpf => 321, 0, 0, 0],
	[userfaultfd => 323, 0], [io_uring_setup => 425, 0, 0],
	[perf_event_open => 298, 0, 0, -1, -1, 0], [init_module => 175, 0, 0, 0],
	[finit_module => 313, -1, 0, 0], [iopl => 172, 3], [ioperm => 173, 0, 1, 1]);
for my $c (@calls) {
	my ($name, $nr, @args) = @$c;
	$! = 0;
	my $r = syscall($nr, @args);
	my ($e) = grep { $!{$_} } keys %!;
	printf "%s %d %s\n", $name, $r, $e // "0";
}
print "self $$\n";'
probe calls "the system call probe ran in the guest (perl)" "perl -e '$syscalls'"
field() { awk -v n="$1" '$1 == n { print $2 }' <<<"$calls"; }
check "control: getpid returns perl's pid ($(field self))" \
	test -n "$(field self)" -a "$(field getpid)" = "$(field self)"
for call in kexec_load kexec_file_load bpf userfaultfd io_uring_setup \
	perf_event_open init_module finit_module iopl ioperm; do
	check "$call(2) is not in the kernel (ENOSYS)" \
		grep -qx "$call -1 ENOSYS" <<<"$calls"
done

# The memory devices: no node, and a node made by hand opens nothing
# (mem c 1 1, kmem c 1 2, port c 1 4). The write puts back the byte a
# kernel with /dev/mem has there (its ELF header's first), so a failing
# run does not also wreck the guest.
nodes='d=$(mktemp -d /root/.hn-XXXXXX) && mknod $d/mem c 1 1 && mknod $d/kmem c 1 2 &&
mknod $d/port c 1 4 && for n in mem kmem port; do
	if dd if=$d/$n of=/dev/null bs=4096 count=1 2>/dev/null; then echo "$n read"; else echo "$n refused"; fi
done && if printf "\177" | dd of=$d/mem bs=1 count=1 conv=notrunc 2>/dev/null; then
	echo "mem written"; else echo "mem-write refused"; fi; rm -rf $d'
absent "/dev: no mem, kmem, port, mmapper, watchdog, dsp, mixer, userfaultfd, vhost-*, ttyprintk" \
	'^(mem|kmem|port|mmapper|watchdog[0-9]*|dsp|mixer|audio|userfaultfd|vhost-.*|ttyprintk)$' ls /dev
present "ls /dev lists urandom" '^urandom$' ls /dev
probe nodes_out "the hand-made node probe ran (mknod, dd)" "$nodes"
for n in mem kmem port; do
	check "a hand-made /dev/$n node reads nothing" grep -qx "$n refused" <<<"$nodes_out"
done
check "a hand-made /dev/mem node takes no write" grep -qx "mem-write refused" <<<"$nodes_out"

# /proc: no kcore, vmcore, kallsyms, sysrq-trigger, or UML's mconsole and
# exitcode (their writes reach the host).
absent "ls /proc: no kcore, vmcore, kallsyms, sysrq-trigger, mconsole, exitcode" \
	'^(kcore|vmcore|kallsyms|sysrq-trigger|mconsole|exitcode)$' ls /proc
present "ls /proc lists the usual entries (meminfo)" '^meminfo$' ls /proc
present "/proc/kcore cannot be read" '^refused$' \
	'dd if=/proc/kcore of=/dev/null bs=4096 count=1 2>/dev/null && echo read || echo refused'
present "/proc/sysrq-trigger takes no key" '^refused$' \
	'{ echo h >/proc/sysrq-trigger; } 2>/dev/null && echo accepted || echo refused'
present "no kernel.sysrq sysctl" '^absent$' \
	'test -e /proc/sys/kernel/sysrq && echo present || echo absent'
absent "/sys/kernel: no debug, tracing or vmcoreinfo" '^(debug|tracing|vmcoreinfo)$' ls /sys/kernel
present "/sys/kernel lists the usual entries (mm)" '^mm$' ls /sys/kernel

# File systems that reach the kernel or the host: none mounts.
mounts='d=$(mktemp -d /root/.hn-XXXXXX) && for t in debugfs tracefs bpf hostfs; do
	if mount -t $t none $d 2>/dev/null; then umount $d; echo "$t mounted"; else echo "$t refused"; fi
done; rmdir $d'
probe mounts_out "the mount probe ran" "$mounts"
for t in debugfs tracefs bpf hostfs; do
	check "mount -t $t fails" grep -qx "$t refused" <<<"$mounts_out"
done
absent "/proc/filesystems: no debugfs, tracefs, bpf or hostfs" \
	'[[:space:]](debugfs|tracefs|bpf|hostfs)$' cat /proc/filesystems
present "/proc/filesystems lists ext4" '[[:space:]]ext4$' cat /proc/filesystems

# UML's hwrng finds no /dev/random in the jail (PATHS.md): the core stays, empty.
present "the rng core has no rng (no host /dev/random in the jail)" '^none$' \
	cat /sys/class/misc/hw_random/rng_current
present "/dev/hwrng is there and gives nothing" '^refused$' \
	'test -c /dev/hwrng && { dd if=/dev/hwrng of=/dev/null bs=16 count=1 2>/dev/null && echo read || echo refused; }'

# A Debian server's usual tools, as root.
# Bounded: a unit stuck starting is a failure here, not a stalled suite.
present "systemctl is-system-running --wait: running (within 180 s)" '^running$' \
	'timeout 180 systemctl is-system-running --wait'
present "systemctl status: State: running" 'State: running' 'systemctl status --no-pager | head -n 5'
present "journalctl shows this boot's sshd" 'sshd' 'journalctl -b -u ssh --no-pager -q'
present "dmesg shows the kernel banner" 'Linux version' dmesg
present "ps aux lists sshd" 'sshd' ps aux
present "top -bn1 shows the load average" 'load average' top -bn1
present "uptime shows the load average" 'load average' uptime
present "free shows memory" '^Mem: +[0-9]+' free
present "vmstat shows its table" '^procs' vmstat
present "df /: the root is /dev/vda" '^/dev/vda ' df /
present "mount: / is ext4" ' on / type ext4 ' mount
present "lsblk lists vda" '^vda ' lsblk
present "ss -tln: sshd listens on 22" ':22 ' ss -tln
present "ip a: eth0 has 10.0.0.2/24" 'inet 10\.0\.0\.2/24' ip a
present "sysctl kernel.ostype" '^kernel\.ostype = Linux$' sysctl kernel.ostype
present "sysctl -a runs" '^kernel\.ostype = Linux$' 'sysctl -a 2>/dev/null'
present "pmap of the shell" 'total' 'pmap $$'
present "lscpu: x86_64" '^Architecture: +x86_64' lscpu
present "w lists the login" 'USER' w
present "apt-get --version" '^apt [0-9]' apt-get --version

check "lab down" "$HONEYNET" lab down
exit $status
