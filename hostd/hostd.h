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
#define HOSTD_GZ_LEVEL 6

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

/* A reused session id gets a "~N" file name suffix; after this many, the session is dropped. */
#define HOSTD_NAME_COLLISIONS 100

/* Exit statuses. */
#define HOSTD_EXIT_OK 0		/* guest exited 0, all recorded */
#define HOSTD_EXIT_GUEST 1	/* guest exited non-zero or was killed by something else */
#define HOSTD_EXIT_USAGE 2	/* bad command line */
#define HOSTD_EXIT_STOPPED 3	/* stopped by SIGTERM/SIGINT: guest killed, archive complete */
#define HOSTD_EXIT_RECORD 4	/* recording failed: guest was paused, archive incomplete */
#define HOSTD_EXIT_SETUP 5	/* could not set up (run dir, kernel, exec) */

#endif
