/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TTY log wire format: what the guest kernel writes to the host and
 * hostd reads. One text for both: the kernel build copies this file to
 * arch/um/include/shared/tty_log_wire.h (patches/shared).
 *
 * Every record is a fixed 32-byte header followed by len payload bytes.
 * All fields are little-endian and fixed-width. A reader that meets damage
 * scans forward for the next magic and accepts a record only if its
 * checksum holds, so one bad byte costs one record, not the stream.
 */
#ifndef TTY_LOG_WIRE_H
#define TTY_LOG_WIRE_H

#include <linux/types.h>

/* "HNTL" read as a little-endian u32: the first four bytes of a record. */
#define TTY_LOG_MAGIC 0x4c544e48U
#define TTY_LOG_VERSION 1

/* The largest payload a record may carry; a larger len is damage. */
#define TTY_LOG_MAX_PAYLOAD 4096

/* Record types. */
#define TTY_LOG_OPEN 1		/* a tty session began: struct tty_log_open + name */
#define TTY_LOG_CLOSE 2		/* the session's last close; no payload */
#define TTY_LOG_DATA 3		/* bytes through the tty, in dir's direction */
#define TTY_LOG_EXEC 4		/* an execve: struct tty_log_exec + strings */
#define TTY_LOG_HANGUP 5	/* the tty was hung up; no payload */
#define TTY_LOG_LOSS 6		/* records the kernel could not deliver */

/* Directions of TTY_LOG_DATA; other types carry TTY_LOG_DIR_NONE. */
#define TTY_LOG_DIR_NONE 0
#define TTY_LOG_DIR_INPUT 1	/* from the terminal's side: keystrokes */
#define TTY_LOG_DIR_OUTPUT 2	/* to the terminal: what the screen showed */

/*
 * The header. crc is the CRC-32 (IEEE 802.3, as zlib's crc32()) of the
 * header with crc set to zero, followed by the payload. session is a
 * counter the kernel assigns at each TTY_LOG_OPEN, never a pointer; 0 means
 * no session (an exec outside any tty, a loss report).
 */
struct tty_log_header {
	__le32 magic;
	__le16 version;
	__le16 type;
	__le32 session;
	__le32 len;
	__le64 time_ns;		/* host CLOCK_REALTIME, nanoseconds */
	__u8 dir;
	__u8 reserved[3];	/* zero */
	__le32 crc;
} __attribute__((packed));

#define TTY_LOG_HEADER_SIZE 32

/* TTY_LOG_OPEN payload: this struct, then name_len bytes of the tty's name
 * ("pts/0", "tty0", "ttyS0"), not NUL-terminated. */
struct tty_log_open {
	__le32 parent;		/* session of the opener's own tty, or 0 */
	__le32 major;
	__le32 minor;
	__le32 name_len;
} __attribute__((packed));

#define TTY_LOG_OPEN_SIZE 16
#define TTY_LOG_NAME_MAX 64

/* TTY_LOG_EXEC payload: this struct, then filename_len bytes of the
 * filename, then argv_len bytes of the arguments, each NUL-terminated.
 * The filename is cut at TTY_LOG_FILENAME_MAX bytes and argv at
 * TTY_LOG_ARGV_MAX bytes; truncated is then 1. */
struct tty_log_exec {
	__le32 pid;
	__le32 ppid;
	__le32 uid;
	__le32 euid;
	__le32 filename_len;
	__le32 argv_len;
	__le32 argc;
	__u8 truncated;
	__u8 reserved[3];	/* zero */
} __attribute__((packed));

#define TTY_LOG_EXEC_SIZE 32
#define TTY_LOG_FILENAME_MAX 512
#define TTY_LOG_ARGV_MAX 3072

/* TTY_LOG_LOSS payload: what was dropped since the last loss report. */
struct tty_log_loss {
	__le64 records;
	__le64 bytes;
} __attribute__((packed));

#define TTY_LOG_LOSS_SIZE 16

#endif /* TTY_LOG_WIRE_H */
