// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the gzip pcap writer: file header, records, flush, a cut file read by libpcap, a full disk. */
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "byteorder.h"
#include "enc.h"
#include "hostd.h"
#include "pcapfile.h"
#include "suites.h"

static char path[256], raw[256];
static int dirfd_;

static void setup(void)
{
	const char *d = test_dir();

	ck_assert_int_eq(mkdir(d, 0700), 0);
	dirfd_ = open(d, O_RDONLY | O_DIRECTORY);
	snprintf(path, sizeof(path), "%s/c.pcap.gz", d);
	snprintf(raw, sizeof(raw), "%s/c.pcap", d);
}

static void teardown(void)
{
	close(dirfd_);
	test_dir_remove();
}

/* A packet of n bytes whose bytes say its number. */
static void packet(unsigned char *p, size_t n, unsigned int k)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(k * 7 + i);
}

/* Decompresses path into raw (as zcat would) and counts the records libpcap reads; -1 if it errs. */
static int libpcap_count(int *linktype)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	unsigned char *bytes;
	size_t n;
	int complete, k = 0, r;
	FILE *f;
	pcap_t *p;

	bytes = gunzip(path, &n, &complete);
	f = fopen(raw, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
	free(bytes);
	p = pcap_open_offline(raw, err);
	if (!p)
		return -1;
	*linktype = pcap_datalink(p);
	while ((r = pcap_next_ex(p, &h, &d)) == 1) {
		if (h->caplen != 100 + (unsigned int)k || d[0] != (unsigned char)(k * 7))
			break;
		k++;
	}
	pcap_close(p);
	return r == PCAP_ERROR_BREAK ? k : -1;
}

START_TEST(headers)
{
	unsigned char h[PCAP_HEADER_SIZE], r[PCAP_REC_SIZE];

	pcap_header(h, 262144, 1);
	ck_assert_uint_eq(get_le32(h), 0xa1b2c3d4);
	ck_assert_uint_eq(h[4] | h[5] << 8, 2);
	ck_assert_uint_eq(h[6] | h[7] << 8, 4);
	ck_assert_uint_eq(get_le32(h + 16), 262144);
	ck_assert_uint_eq(get_le32(h + 20), 1);
	pcap_rec_header(r, 1795844712, 123456, 60, 1514);
	ck_assert_uint_eq(get_le32(r), 1795844712);
	ck_assert_uint_eq(get_le32(r + 4), 123456);
	ck_assert_uint_eq(get_le32(r + 8), 60);
	ck_assert_uint_eq(get_le32(r + 12), 1514);
	ck_assert_uint_eq(pcap_linktype(1), 1);
	ck_assert_uint_eq(pcap_linktype(12), PCAP_LINKTYPE_RAW);
	ck_assert_uint_eq(pcap_linktype(239), 239);
}
END_TEST

START_TEST(records_read_back)
{
	struct pcapfile f;
	unsigned char p[200];
	unsigned int k;
	int lt, complete;
	size_t n;
	unsigned char *d;

	ck_assert_int_eq(pcapfile_open(&f, dirfd_, "c.pcap.gz", 262144, 1), 0);
	for (k = 0; k < 50; k++) {
		packet(p, 100 + k, k);
		ck_assert_int_eq(pcapfile_put(&f, 1000 + k, k, 100 + k, 1500, p), 0);
	}
	ck_assert_uint_eq(f.packets, 50);
	ck_assert_uint_eq(f.bytes, 50 * 100 + 49 * 50 / 2);
	ck_assert_int_eq(pcapfile_finish(&f), 0);
	ck_assert_int_eq(pcapfile_close(&f), 0);
	ck_assert_int_eq(libpcap_count(&lt), 50);
	ck_assert_int_eq(lt, 1);
	d = gunzip(path, &n, &complete);
	ck_assert(complete);
	ck_assert_uint_eq(n, 24 + 50 * 16 + 50 * 100 + 49 * 50 / 2);
	ck_assert_uint_eq(get_le32(d + 24 + 12), 1500);	/* orig len kept */
	free(d);
}
END_TEST

/* What a crash leaves: the file as of its last flush reads in full, no record cut. */
START_TEST(cut_file_reads_to_last_flush)
{
	struct pcapfile f;
	unsigned char p[200];
	unsigned int k;
	int lt, complete;
	size_t n;
	unsigned char *d;
	struct stat st;

	ck_assert_int_eq(pcapfile_open(&f, dirfd_, "c.pcap.gz", 262144, 1), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 0);	/* nothing written before a flush */
	for (k = 0; k < 10; k++) {
		packet(p, 100 + k, k);
		ck_assert_int_eq(pcapfile_put(&f, 1000, k, 100 + k, 100 + k, p), 0);
	}
	ck_assert_int_eq(pcapfile_flush(&f), 0);
	packet(p, 110, 10);
	ck_assert_int_eq(pcapfile_put(&f, 1000, 10, 110, 110, p), 0);	/* not flushed */
	ck_assert_int_eq(libpcap_count(&lt), 10);
	d = gunzip(path, &n, &complete);
	ck_assert(!complete);
	ck_assert_uint_eq(n, 24 + 10 * 16 + 10 * 100 + 45);
	free(d);
	ck_assert_int_eq(pcapfile_flush(&f), 0);
	ck_assert_int_eq(libpcap_count(&lt), 11);
	pcapfile_abandon(&f);
}
END_TEST

/* Past HOSTD_PCAP_SYNC_BYTES the stream is flushed and written without waiting for the timer. */
START_TEST(large_input_is_written)
{
	struct pcapfile f;
	static unsigned char p[65536];
	unsigned int k;

	ck_assert_int_eq(pcapfile_open(&f, dirfd_, "c.pcap.gz", 262144, 1), 0);
	for (k = 0; k < sizeof(p); k++)
		p[k] = (unsigned char)(k * 2654435761U >> 13);
	for (k = 0; k < 8; k++)
		ck_assert_int_eq(pcapfile_put(&f, 1, 0, sizeof(p), sizeof(p), p), 0);
	ck_assert_uint_gt(f.gz.written, 0);
	ck_assert_uint_eq(f.gz.pend_len, 0);
	ck_assert_int_eq(pcapfile_finish(&f), 0);
	ck_assert_int_eq(pcapfile_close(&f), 0);
}
END_TEST

/* A full disk: the write fails, nothing of it stays in the file, the bytes are kept to retry. */
START_TEST(disk_full)
{
	struct pcapfile f;
	unsigned char p[100];
	int full = open("/dev/full", O_WRONLY), good;

	ck_assert_int_ge(full, 0);
	ck_assert_int_eq(pcapfile_open(&f, dirfd_, "c.pcap.gz", 262144, 1), 0);
	packet(p, 100, 0);
	ck_assert_int_eq(pcapfile_put(&f, 1, 0, 100, 100, p), 0);
	good = f.gz.fd;
	f.gz.fd = full;
	ck_assert_int_eq(pcapfile_flush(&f), -1);
	ck_assert(f.gz.failed);
	ck_assert_int_eq(f.gz.err, ENOSPC);
	ck_assert_uint_eq(f.gz.written, 0);
	ck_assert_uint_gt(f.gz.pend_len, 0);
	/* The disk has room again: the same bytes land, and the file reads. */
	f.gz.fd = good;
	close(full);
	ck_assert_int_eq(pcapfile_flush(&f), 0);
	ck_assert_uint_gt(f.gz.written, 0);
	ck_assert_int_eq(pcapfile_finish(&f), 0);
	ck_assert_int_eq(pcapfile_close(&f), 0);
}
END_TEST

/* While the disk refuses, memory is bounded: past HOSTD_PENDING_MAX packets are dropped and counted. */
START_TEST(pending_is_bounded)
{
	struct pcapfile f;
	static unsigned char p[65536];
	int full = open("/dev/full", O_WRONLY), good, r = 0;
	unsigned int k;

	ck_assert_int_ge(full, 0);
	ck_assert_int_eq(pcapfile_open(&f, dirfd_, "c.pcap.gz", 262144, 1), 0);
	good = f.gz.fd;
	f.gz.fd = full;
	srand(1);
	for (k = 0; k < sizeof(p); k++)
		p[k] = (unsigned char)(rand() >> 7);	/* incompressible */
	for (k = 0; k < 200 && r != 1; k++)
		r = pcapfile_put(&f, 1, 0, sizeof(p), sizeof(p), p);
	ck_assert_int_eq(r, 1);
	ck_assert_uint_eq(f.dropped, 1);
	ck_assert_uint_lt(f.gz.pend_len, HOSTD_PENDING_MAX + 2 * HOSTD_PCAP_SYNC_BYTES);
	f.gz.fd = good;
	close(full);
	pcapfile_abandon(&f);
}
END_TEST

Suite *pcapfile_suite(void)
{
	Suite *s = suite_create("pcapfile");
	TCase *t = tcase_create("write");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, headers);
	tcase_add_test(t, records_read_back);
	tcase_add_test(t, cut_file_reads_to_last_flush);
	tcase_add_test(t, large_input_is_written);
	tcase_add_test(t, disk_full);
	tcase_add_test(t, pending_is_bounded);
	suite_add_tcase(s, t);
	return s;
}
