/* SPDX-License-Identifier: GPL-2.0 */
/* hostd's tunables, each a named constant with the reason for its value. */
#ifndef HOSTD_H
#define HOSTD_H

#define HOSTD_VERSION "0.1.0"

/* The fd the guest kernel inherits for its TTY stream (tty_log_fd=N). */
#define HOSTD_LOG_FD 3

/* Open tty sessions at once; beyond this a (hostile) flood is dropped and said once.
 * The fuzz build sets a small one so short inputs reach the limit. */
#ifndef HOSTD_MAX_SESSIONS
#define HOSTD_MAX_SESSIONS 256
#endif

/* Idle sync flush of every dirty tty file: at most this much is lost in a crash. */
#define HOSTD_FLUSH_MS_DEFAULT 1000
#define HOSTD_FLUSH_MS_MIN 10
#define HOSTD_FLUSH_MS_MAX 60000

/* One Z_FULL_FLUSH per this many sync flushes: a reader can restart after damage. */
#define HOSTD_FULL_FLUSH_EVERY 16

/* Per-file deflate state is 2^(wbits+2) + 2^(mem+9) bytes: 64 KiB, so 256 sessions fit in 16 MiB. */
#define HOSTD_GZ_WINDOW_BITS 13
#define HOSTD_GZ_MEM_LEVEL 6
/* The fastest level: while the guest streams output, deflate is most of
 * hostd's CPU and competes with the guest (BENCHMARKS.md, section 2). */
#define HOSTD_GZ_LEVEL 1

/* Compressed bytes gathered before a write between flushes: few syscalls for bulk output. */
#define HOSTD_WRITE_BATCH 32768

/* Compressed bytes a tty file keeps in memory while the disk refuses them. */
#define HOSTD_PENDING_MAX (4U << 20)

/* Bytes read from the stream at a time, and reads per wakeup before timers get a turn. */
#define HOSTD_READ_CHUNK 65536
#define HOSTD_READS_PER_WAKE 16

/* The stream pipe's capacity: absorbs the guest's bursts while hostd writes (pipe-max-size caps it). */
#define HOSTD_PIPE_SIZE (1 << 20)

/* After the guest exits, how long helpers may keep the stream open before hostd closes it. */
#define HOSTD_EOF_GRACE_MS 3000

/* At stop, how long to wait for the background root_fs hash before recording it as unfinished. */
#define HOSTD_ROOTFS_HASH_WAIT_MS 3000

/* One events.jsonl line: an exec of 512 + 3072 bytes escapes to under 24 KiB. */
#define HOSTD_EVENT_MAX 65536

/*
 * Room hostd holds on the archive's filesystem (an unlinked file's blocks)
 * and gives back when recording fails: on a full disk its last words, the
 * message in hostd.log, the hostd.suspend event and the sessions' closing
 * events, still fit.
 */
#define HOSTD_RESERVE (1 << 20)

/* A reused session id gets a "~N" file name suffix; after this many, the session is dropped. */
#define HOSTD_NAME_COLLISIONS 100

/* Data Capture (--capture IFACE): whole packets, as tcpdump -s 0. */
#define HOSTD_PCAP_SNAPLEN 262144
/* The kernel's capture ring (tcpdump -B 32768): a second of a small-packet flood while the reader waits for a CPU. */
#define HOSTD_PCAP_BUFFER (32 << 20)
/* libpcap's packet buffer timeout: how long a packet may wait in the ring before poll wakes. */
#define HOSTD_PCAP_TIMEOUT_MS 100
/* Packets the reader thread takes from the ring per pcap_dispatch (it holds the handle's lock meanwhile). */
#define HOSTD_PCAP_DISPATCH 1024
/* The queue from the reader thread to the writer: absorbs seconds of a flood while zlib catches up
 * (about 700,000 small packets, or 250 full-size 256 KiB ones); beyond it packets are counted dropped. */
#define HOSTD_PCAP_QUEUE (64U << 20)
/* Queued packets the writer compresses per turn before the tty stream and the timers get one. */
#define HOSTD_PCAP_DRAIN 4096
/* Uncompressed record bytes gathered before one deflate call (a 74-byte packet is one call otherwise). */
#define HOSTD_PCAP_STAGE (64 << 10)
/* Idle flush of the capture file: a crash loses at most this much (and at most --flush-ms). */
#define HOSTD_PCAP_FLUSH_MS 1000
/* Uncompressed bytes after which the capture file is sync-flushed and written: bounds memory. */
#define HOSTD_PCAP_SYNC_BYTES (256 << 10)
/* gzip of the capture file: gzip's default level, a full 32 KiB window (one file open at a time). */
#define HOSTD_PCAP_GZ_LEVEL 6
#define HOSTD_PCAP_GZ_WINDOW_BITS 15
#define HOSTD_PCAP_GZ_MEM_LEVEL 8

/* Rotation (--rotate SECS) on wall-clock multiples of SECS since the epoch (3600: each UTC hour). */
#define HOSTD_ROTATE_DEFAULT 3600
#define HOSTD_ROTATE_MIN 1
#define HOSTD_ROTATE_MAX 86400
/* A failed rotation step (sync, rename, reopen) is retried this long after it failed. */
#define HOSTD_RETRY_MS 1000

/* Connection events (--nflog GROUP): libpcap sizes its receive buffer from the snaplen, and the
 * kernel batches messages into one datagram; a smaller buffer would cut them. libpcap's maximum. */
#define HOSTD_NFLOG_SNAPLEN 262144
/* The netlink socket's receive buffer: a connection flood is counted, not lost silently. */
#define HOSTD_NFLOG_BUFFER (4 << 20)
/* Data Control's per-honeypot limits per hour (--limits), as the paper and the ruleset. */
#define HOSTD_LIMIT_TCP 9
#define HOSTD_LIMIT_UDP 20
#define HOSTD_LIMIT_ICMP 50
#define HOSTD_LIMIT_OTHER 10
#define HOSTD_LIMIT_MAX 1000000
/* The counting window of net.outbound's count: the UTC hour. */
#define HOSTD_CONN_WINDOW_S 3600
/* Honeypot addresses counted at once; beyond this the least recently seen is forgotten. */
#define HOSTD_CONN_SOURCES 64

/* hostd's own runtime directory on the host: the jail's mount point lives there. */
#define HOSTD_RUN_DIR "/run/hostd"
/* The guest kernel's jail (--jail-uid): a uid and gid of its own, outside Debian's
 * system (100-999) and user (1000-59999) ranges, in the block Debian leaves to sites
 * (60000-64999); hostd refuses it if /etc/passwd or /etc/group names it. */
#define HOSTD_JAIL_UID 64200
/* The guest's memory (mem=) when its command line names none: patch 0004's default, MiB. */
#define HOSTD_GUEST_MEM_MB 256
/* The memory file's tmpfs: the guest's memory plus what UML maps beside it (its iomem, stacks). */
#define HOSTD_JAIL_TMP_EXTRA_MB 64
/* The cgroup's memory limit: that tmpfs plus the host processes' own memory (page tables,
 * one process per guest address space, the kernel's heap); measured for a 256 MiB guest
 * under a fork bomb at about 90 MiB beyond its memory file. */
#define HOSTD_JAIL_MEM_EXTRA_MB 192
/* Host processes of one guest: one per guest address space; a Debian server needs ~60. */
#define HOSTD_JAIL_PIDS 512
/* CPU: one whole host CPU, so a busy guest leaves the others to the host. */
#define HOSTD_JAIL_CPU_PCT 100
/* RLIMIT_FSIZE beyond the root_fs's size (the COW's worst case); without --rootfs, this bound. */
#define HOSTD_JAIL_FSIZE_EXTRA (64ULL << 20)
#define HOSTD_JAIL_FSIZE_DEFAULT (16ULL << 30)
/* UML's memory file is sparse and longer than the guest's memory by the gap it leaves for
 * the host's exec-shield layout (0.5 to 1 GiB measured, it moves with ASLR): RLIMIT_FSIZE
 * must let it be that long (a longer ftruncate is SIGXFSZ); the tmpfs bounds what it holds. */
#define HOSTD_JAIL_MEMFILE_GAP (4ULL << 30)
/* The archive budget (--budget; the policy is common/budget_policy.h). The run directory is
 * measured this often at most: the guest's disk can outrun the budget by what it writes meanwhile. */
#define HOSTD_BUDGET_SCAN_MS 100
/* Subdirectories of the run directory whose last readable size is kept, and how deep a scan goes. */
#define HOSTD_BUDGET_DIRS 16
#define HOSTD_BUDGET_DEPTH 8

/* console.log's cap: a kernel's boot and a day of its messages fit many times over; beyond it the
 * console is counted, not written (console.cut). */
#define HOSTD_CONSOLE_CAP (16U << 20)
/* The console pipe's capacity: the kernel writes its console without waiting while hostd catches up. */
#define HOSTD_CONSOLE_PIPE (256 << 10)
/* Attempts over the ruleset's log rate arrive in a second NFLOG group with no packet; they are
 * counted, and summarised in one net.unlogged event this long after the first of a period. */
#define HOSTD_UNLOGGED_EVERY_MS 10000

/* Exit statuses. */
#define HOSTD_EXIT_OK 0		/* guest exited 0, all recorded */
#define HOSTD_EXIT_GUEST 1	/* guest exited non-zero or was killed by something else */
#define HOSTD_EXIT_USAGE 2	/* bad command line */
#define HOSTD_EXIT_STOPPED 3	/* stopped by SIGTERM/SIGINT: guest killed, archive complete */
#define HOSTD_EXIT_RECORD 4	/* recording failed: guest was paused, archive incomplete */
#define HOSTD_EXIT_SETUP 5	/* could not set up (run dir, kernel, exec) */

#endif
