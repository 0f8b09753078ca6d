/* SPDX-License-Identifier: GPL-2.0 */
/* The archive's tty session record: the UML/Cowrie ttylog layout, 24 bytes LE. */
#ifndef TTYLOG_H
#define TTYLOG_H

#include <stddef.h>
#include <stdint.h>

/*
 * Each record: op, tty, len, dir, sec, usec, every field 32 bits
 * little-endian (Cowrie's struct "<iLiiLL"), then len bytes of data. tty is
 * hostd's session id, the same for every record of one session.
 */
#define TTYLOG_HEADER_SIZE 24

#define TTYLOG_OP_OPEN 1
#define TTYLOG_OP_CLOSE 2
#define TTYLOG_OP_WRITE 3
#define TTYLOG_OP_EXEC 4

#define TTYLOG_DIR_READ 1	/* input: what the attacker typed */
#define TTYLOG_DIR_WRITE 2	/* output: what the attacker's screen showed */
#define TTYLOG_DIR_EXEC 3	/* exec text (Cowrie's addition) */

/* The largest len a reader accepts: more is a corrupt file, not a record. */
#define TTYLOG_MAX_LEN (1U << 20)

struct ttylog_rec {
	uint32_t op;
	uint32_t tty;
	uint32_t len;
	uint32_t dir;
	uint32_t sec;
	uint32_t usec;
};

/* Packs r into out, little-endian. */
void ttylog_put(unsigned char out[TTYLOG_HEADER_SIZE], const struct ttylog_rec *r);

/* Unpacks in into r. Returns 0, or -1 if op or dir is unknown or len is
 * over TTYLOG_MAX_LEN (r is filled either way, for the error message). */
int ttylog_get(const unsigned char in[TTYLOG_HEADER_SIZE], struct ttylog_rec *r);

#endif
