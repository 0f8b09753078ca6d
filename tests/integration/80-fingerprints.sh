#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fingerprints: what a root intruder who knows UML would look at in the
# booted guest. None may say UML, ubd, hostfs, uml-netdev, skas, name a
# host switch or path, or show the host's identity; and the guest still
# works as an ordinary Debian server.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass
lab_lock

archive=$(mktemp -d /tmp/hn-it-XXXXXX)
trap '"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$archive"' EXIT
"$HONEYNET" lab down >/dev/null 2>&1

# What UML and the lab's host switches would leave behind.
UML_WORDS='uml|user.mode|skas|ubd|hostfs|hppfs|mconsole|umid|tty_log|/run/honeynet'
HOST_SWITCHES='hppfs|ubd[0-9a-z]*=|umid=|uml_dir=|tty_log|con[0-9]*=|ssl[0-9]*=|eth[0-9]+=|mem=|guest_cmdline|/run/honeynet|root=/dev/ubd'
# Boot messages about the host that only the host's console may show.
HOST_MSGS='host ptys|MADV_REMOVE|COW file|TUN/TAP backend|epollctl|Netdevice [0-9]|stdio console|software serial|console \[(mc|stderr)'
HOST_NAME=$(uname -n)
HOST_RELEASE=$(uname -r)

check "lab up" "$HONEYNET" lab up --archive "$archive"

# /proc/cpuinfo, as systemd-detect-virt and lscpu read it.
absent "cpuinfo: no 'User Mode Linux', UML, skas or host line" \
	'User Mode Linux|\bUML\b|skas|^host[[:space:]]*:' cat /proc/cpuinfo
present "cpuinfo: x86 fields (vendor_id, cpu family, model name, cache size)" \
	'vendor_id.*(Intel|AMD)' cat /proc/cpuinfo
present "cpuinfo: model name and cache size lines" \
	'^model name' 'grep -E "^(model name|cache size|cpu family|stepping)" /proc/cpuinfo'
absent "cpuinfo, /proc/version: not the host's kernel ($HOST_RELEASE)" \
	"$HOST_RELEASE" cat /proc/cpuinfo /proc/version
absent "lscpu: no UML vendor or model" 'User Mode Linux|\bUML\b' lscpu
absent "systemd-detect-virt: not uml" '^uml$' 'systemd-detect-virt || true'

# The command line and init's environment.
absent "/proc/cmdline: no host switch (ubd0=, umid=, con0=, eth0=, mem=, tty_log, ...)" \
	"$HOST_SWITCHES" cat /proc/cmdline
present "/proc/cmdline: a Debian boot line (BOOT_IMAGE=/boot/vmlinuz-..., root=UUID=)" \
	'^BOOT_IMAGE=/boot/vmlinuz-[^ ]+ root=UUID=[0-9a-f-]{36} ' cat /proc/cmdline
absent "/proc/1/environ: no tty_log, ubd, umid, uml_dir or mem=" \
	'hppfs|tty_log|ubd|umid|uml_dir|mem=|con[0-9]*=' "tr '\\0' '\\n' </proc/1/environ"
# Both outputs are used only if both ssh calls succeeded and dmesg has the
# line: two identical error messages would otherwise compare equal.
if klog=$(guest "dmesg | sed -n 's/^.*Kernel command line: //p'") && [ -n "$klog" ] &&
	cmdline=$(guest cat /proc/cmdline); then
	check "dmesg's 'Kernel command line' is /proc/cmdline" test "$klog" = "$cmdline"
else
	fail "dmesg's 'Kernel command line' is /proc/cmdline: ssh failed or no such line ('$klog')"
fi

# Disks, file systems and devices.
absent "/proc/devices: no ubd" 'ubd' cat /proc/devices
absent "/proc/partitions: no ubd" 'ubd' cat /proc/partitions
present "/proc/partitions: the root disk is vda" ' vda$' cat /proc/partitions
absent "/proc/filesystems: no hostfs" 'hostfs' cat /proc/filesystems
absent "/proc/mounts: no ubd, hostfs or host path" "$UML_WORDS" cat /proc/mounts
present "mount -t hostfs fails" '^refused$' \
	'mkdir -p /tmp/.h && { mount -t hostfs none /tmp/.h 2>/dev/null && umount /tmp/.h && echo mounted || echo refused; }'
absent "/sys/block: no ubd*" 'ubd' ls /sys/block
absent "/dev: no ubd*" 'ubd' ls /dev
absent "lsblk: no ubd" 'ubd' lsblk
absent "ls /sys/devices/platform: no uml" 'uml' ls /sys/devices/platform
absent "ls /sys/bus/platform/drivers: no uml" 'uml' ls /sys/bus/platform/drivers

# The network interface.
absent "ethtool -i eth0: no uml-netdev" 'uml' ethtool -i eth0
present "ethtool -i eth0: driver virtio_net" '^driver: virtio_net$' ethtool -i eth0
absent "/sys/class/net/eth0/device/driver: no uml" 'uml' \
	readlink -f /sys/class/net/eth0/device /sys/class/net/eth0/device/driver
present "eth0's MAC is in QEMU's 52:54:00 range" 'link/ether 52:54:00:' ip link show eth0

# The kernel's name.
present "uname -r looks Debian (6.1.0-N-amd64)" '^6\.1\.0-[0-9]+-amd64$' uname -r
present "uname -v looks Debian" '^#1 SMP PREEMPT_DYNAMIC Debian ' uname -v
present "uname -m is x86_64" '^x86_64$' uname -m
absent "/proc/version: no build user@host of this machine" \
	"@$HOST_NAME\\)|\\(root@" cat /proc/version

# /proc entries only UML has.
present "/proc/exitcode absent" '^absent$' 'test -e /proc/exitcode && echo present || echo absent'
present "/proc/sysemu absent" '^absent$' 'test -e /proc/sysemu && echo present || echo absent'
absent "ls /proc: no UML-only entries" '^(exitcode|sysemu|mconsole)$' ls /proc
absent "/proc/consoles: no mconsole (mc) or stderr console" '^(mc|stderr)' cat /proc/consoles
absent "clocksource: not UML's 'timer'" '^timer$' \
	cat /sys/devices/system/clocksource/clocksource0/current_clocksource

# What the default persona (rootfs/persona) masks.
absent "/proc/interrupts: no host signals, ubd, mconsole or UML timer" \
	'SIGIO|SIGALRM|ubd|mconsole|hr timer|ssl|\bcon\b' cat /proc/interrupts
present "/proc/interrupts: an IO-APIC timer and virtio lines" 'IO-APIC.*timer' cat /proc/interrupts
present "/proc/iomem: a PC memory map with System RAM" 'System RAM' cat /proc/iomem
present "/proc/ioports: PC ports (keyboard, PCI conf1)" 'keyboard|PCI conf1' cat /proc/ioports
present "/proc/modules: virtio modules as a Debian KVM guest loads them" '^virtio_net ' cat /proc/modules
absent "/proc/tty/drivers: no UML console or serial line" 'UML|\bssl\b' cat /proc/tty/drivers
absent "/proc/self/maps: no executable brk heap" 'rwxp .*\[heap\]' cat /proc/self/maps
absent "/proc/mounts, mountinfo: the root is not /dev/root" '/dev/root' \
	cat /proc/mounts /proc/self/mountinfo
present "/proc/mounts: the root is /dev/vda" '^/dev/vda / ext4' cat /proc/mounts
present "/proc/meminfo: x86-64's DirectMap lines" '^DirectMap4k:' cat /proc/meminfo
present "/proc/buddyinfo: DMA and DMA32 zones" 'zone +DMA32' cat /proc/buddyinfo
present "/proc/cpuinfo: the hypervisor flag, as every KVM guest has" \
	'^flags.* hypervisor( |$)' cat /proc/cpuinfo
absent "/proc/filesystems, /proc/mounts: no masquerade filesystem" 'hppfs|masq' \
	cat /proc/filesystems /proc/mounts

# The kernel log, as dmesg and the journal show it to root.
absent "dmesg: no uml, skas, ubd, mconsole, hostfs, umid, tty_log, host path" \
	"$UML_WORDS" dmesg
absent "dmesg: no boot messages about the host" "$HOST_MSGS" dmesg
absent "journalctl -k: no uml, skas, ubd, mconsole, hostfs" \
	"$UML_WORDS" journalctl -k -b --no-pager -q
absent "dmesg: no build host or host kernel" "@$HOST_NAME\\)|\\(root@|$HOST_RELEASE" dmesg

# The guest still works as a server.
state=
for _ in $(seq 60); do
	state=$(guest systemctl is-system-running) || true
	case $state in starting | initializing) sleep 1 ;; *) break ;; esac
done
check "systemctl is-system-running: running (got '$state')" test "$state" = running
check "systemctl --failed lists no unit" \
	test -z "$(guest systemctl --failed --no-legend --plain)"
for cmd in "ps aux" "top -bn1" "free" "df" "mount" "lsblk" "ip a" "ss -tnp"; do
	check "$cmd runs" attacker "$cmd >/dev/null"
done

check "lab down" "$HONEYNET" lab down
exit $status
