/* SPDX-License-Identifier: GPL-2.0 */
/* The lab's fixed names, addresses and tunables, one place for all of them. */
#ifndef LAB_DEFS_H
#define LAB_DEFS_H

/* Namespaces: the outside world, and the honeywall that runs the guest. */
#define LAB_NS_INET "hn-inet"
#define LAB_NS_WALL "hn-wall"

/* Interfaces: the veth pair between the two namespaces, and the guest's tap. */
#define LAB_IF_WALL_OUT "outside"
#define LAB_IF_INET "eth0"
#define LAB_IF_TAP "tap0"
#define LAB_IF_BRIDGE "br0"	/* bridge mode: outside and tap0 as its ports */

/* Addresses, as in DESIGN.md's lab table. */
#define LAB_ADDR_ATTACKER "203.0.113.100"
#define LAB_ADDR_TARGET "203.0.113.200"
#define LAB_ADDR_WALL_OUT "203.0.113.1"
#define LAB_ADDR_PUBLIC "203.0.113.10"
#define LAB_ADDR_WALL_TAP "10.0.0.1"
#define LAB_ADDR_GUEST "10.0.0.2"
#define LAB_ADDR_ROUTER "203.0.113.1"	/* bridge mode: hn-inet's router */
/* Bridge mode: the guest's own address, as the kernel's ip= sets it. */
#define LAB_GUEST_IP_BRIDGE \
	"ip=" LAB_ADDR_PUBLIC "::" LAB_ADDR_ROUTER ":255.255.255.0::eth0:off"
#define LAB_PREFIX_OUT "24"
#define LAB_PREFIX_TAP "24"

/* Where the running lab keeps its state. */
#define LAB_RUN_DIR "/run/honeynet"
#define LAB_STATE_FILE LAB_RUN_DIR "/lab.state"
/* The guest's umid: its mconsole socket is RUN/uml/lab/mconsole (uml_dir, bound into its jail). */
#define LAB_UMID "lab"

/* The guest kernel's jail uid and gid (hostd --jail-uid), which also owns
 * tap0: outside Debian's system and user ranges, named by no account. */
#define LAB_JAIL_UID_NUM 64200
#define LAB_STR_(x) #x
#define LAB_STR(x) LAB_STR_(x)
#define LAB_JAIL_UID LAB_STR(LAB_JAIL_UID_NUM)

/* Data Capture: the NFLOG groups the Data Control ruleset logs to (its
 * defaults: the logged attempts, then those over the log rate, as hostd's
 * --nflog takes them). */
#define LAB_NFLOG_GROUP "5,6"

/* Guest memory when --mem is not given, and the bounds --mem accepts (MiB). */
#define LAB_MEM_DEFAULT 256
#define LAB_MEM_MIN 64
#define LAB_MEM_MAX 4096

/* The highest CPU number --cpu accepts (glibc's CPU_SETSIZE - 1); hostd checks it is the host's. */
#define LAB_CPU_MAX 1023

/* Seconds to wait for sshd when --timeout is not given, and the bounds. */
#define LAB_BOOT_TIMEOUT_DEFAULT 180
#define LAB_BOOT_TIMEOUT_MAX 600


#endif
