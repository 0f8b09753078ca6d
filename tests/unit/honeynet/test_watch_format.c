// SPDX-License-Identifier: GPL-2.0
/* Unit tests: events.jsonl lines (real ones from a lab run, and hostile ones) as watch feed lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "watch_format.h"

/* The columns before "what": honeypot "web", then the peer column. */
#define NOPEER(t) t " web  -                "
#define PEER(t, ip) t " web  " ip "    "

/* Every feed line is printable ASCII, one line, at most WATCH_WIDTH columns. */
static void assert_safe(const char *out, size_t len)
{
	size_t i;

	ck_assert_uint_eq(strlen(out), len);
	ck_assert_uint_le(len, WATCH_WIDTH);
	for (i = 0; i < len; i++)
		ck_assert_msg(out[i] >= 0x20 && out[i] < 0x7f, "byte %zu is 0x%02x in \"%s\"", i,
			      (unsigned char)out[i], out);
}

static const char *fmt_n(const char *line, size_t n)
{
	static char out[WATCH_WIDTH + 1];
	size_t len = watch_format(out, "web", 3, line, n);

	assert_safe(out, len);
	return out;
}

static const char *fmt(const char *line)
{
	return fmt_n(line, strlen(line));
}

/* One line of each type hostd writes, as a lab run wrote them (17:04, 2026-12-03). */
static const struct {
	const char *in, *want;
} real[] = {
	{ "{\"ts\":\"2026-12-03T17:04:17.199362Z\",\"type\":\"exec\",\"session\":null,\"pid\":1,\"ppid\":0,\"uid\":0,\"euid\":0,\"filename\":\"/sbin/init\",\"argv\":[\"/sbin/init\"],\"argc\":1,\"truncated\":false}",
	  NOPEER("17:04:17") "exec /sbin/init" },
	{ "{\"ts\":\"2026-12-03T17:04:29.022650Z\",\"type\":\"exec\",\"session\":null,\"pid\":100,\"ppid\":87,\"uid\":0,\"euid\":0,\"filename\":\"/bin/bash\",\"argv\":[\"bash\",\"-c\",\"uname -a; id\"],\"argc\":3,\"truncated\":false}",
	  NOPEER("17:04:29") "exec bash -c \"uname -a; id\"" },
	{ "{\"ts\":\"2026-12-03T17:04:30.890014Z\",\"type\":\"exec\",\"session\":9,\"pid\":108,\"ppid\":102,\"uid\":0,\"euid\":0,\"filename\":\"/bin/bash\",\"argv\":[\"-bash\"],\"argc\":1,\"truncated\":false}",
	  NOPEER("17:04:30") "login shell -bash in session 9 as uid 0" },
	{ "{\"ts\":\"2026-12-03T17:04:31.010346Z\",\"type\":\"exec\",\"session\":9,\"pid\":111,\"ppid\":108,\"uid\":0,\"euid\":0,\"filename\":\"/usr/bin/ls\",\"argv\":[\"ls\",\"/tmp\"],\"argc\":2,\"truncated\":false}",
	  NOPEER("17:04:31") "exec[9] ls /tmp" },
	{ "{\"ts\":\"2026-12-03T17:04:26.330541Z\",\"type\":\"exec\",\"session\":8,\"pid\":82,\"ppid\":1,\"uid\":0,\"euid\":0,\"filename\":\"/sbin/agetty\",\"argv\":[\"/sbin/agetty\",\"-o\",\"-p -- \\\\u\",\"--noclear\",\"-\",\"linux\"],\"argc\":6,\"truncated\":false}",
	  NOPEER("17:04:26") "exec[8] /sbin/agetty -o \"-p -- \\\\u\" --noclear..." },
	{ "{\"ts\":\"2026-12-03T17:04:23.100000Z\",\"type\":\"exec\",\"session\":null,\"pid\":65,\"ppid\":1,\"uid\":998,\"euid\":998,\"filename\":\"/lib/systemd/systemd-networkd\",\"argv\":[\"systemd-networkd\"],\"argc\":1,\"truncated\":false}",
	  NOPEER("17:04:23") "exec (uid 998 euid 998) systemd-networkd" },
	{ "{\"ts\":\"2026-12-03T17:04:30.834017Z\",\"type\":\"tty.open\",\"session\":9,\"tty\":\"pts/0\",\"parent\":null,\"major\":136,\"minor\":0,\"file\":\"tty/000009-pts-0.ttylog.gz\"}",
	  NOPEER("17:04:30") "session 9 opened (pts/0)" },
	{ "{\"ts\":\"2026-12-03T17:04:32.152723Z\",\"type\":\"tty.close\",\"session\":9,\"tty\":\"pts/0\",\"duration\":1.318706,\"bytes_in\":127,\"bytes_out\":1341,\"file\":\"tty/000009-pts-0.ttylog.gz\",\"sha256\":\"d9c375edb74055f7d728ae97ceae9be833015730da3017a253629220d04a143d\",\"reason\":\"close\"}",
	  NOPEER("17:04:32") "session 9 closed (pts/0, 1.3 s, 127 B typed)" },
	{ "{\"ts\":\"2026-12-03T17:04:32.152643Z\",\"type\":\"tty.hangup\",\"session\":9,\"tty\":\"pts/0\"}",
	  NOPEER("17:04:32") "session 9 hung up (pts/0)" },
	{ "{\"ts\":\"2026-11-28T05:45:12.123456Z\",\"type\":\"tty.evicted\",\"session\":1,\"tty\":\"pts/1\",\"age\":0.000000,\"for\":257}",
	  NOPEER("05:45:12") "session 1 evicted for session 257 (pts/1)" },
	{ "{\"ts\":\"2026-12-03T17:04:18.249124Z\",\"type\":\"net.inbound\",\"proto\":\"tcp\",\"ip_proto\":6,\"src\":\"203.0.113.100\",\"dst\":\"10.0.0.2\",\"sport\":45630,\"dport\":22,\"verdict\":\"allowed\"}",
	  PEER("17:04:18", "203.0.113.100") "inbound tcp/22" },
	{ "{\"ts\":\"2026-12-03T17:04:31.068210Z\",\"type\":\"net.outbound\",\"proto\":\"tcp\",\"ip_proto\":6,\"src\":\"10.0.0.2\",\"dst\":\"203.0.113.200\",\"sport\":51856,\"dport\":80,\"class\":\"tcp\",\"count\":1,\"limit\":9,\"verdict\":\"allowed\"}",
	  PEER("17:04:31", "203.0.113.200") "outbound tcp/80 allowed (1 of 9 this hour)" },
	{ "{\"ts\":\"2026-12-03T17:04:31.123320Z\",\"type\":\"net.outbound\",\"proto\":\"icmp\",\"ip_proto\":1,\"src\":\"10.0.0.2\",\"dst\":\"203.0.113.200\",\"icmp_type\":8,\"icmp_code\":0,\"class\":\"icmp\",\"count\":1,\"limit\":50,\"verdict\":\"allowed\"}",
	  PEER("17:04:31", "203.0.113.200") "outbound icmp type 8 allowed (1 of 50 this hour)" },
	{ "{\"ts\":\"2026-12-03T17:04:36.086891Z\",\"type\":\"guest.exit\",\"pid\":30580,\"exit_status\":0,\"signal\":null}",
	  NOPEER("17:04:36") "guest exited (status 0)" },
	{ "{\"ts\":\"2026-12-03T17:04:36.086997Z\",\"type\":\"capture.stats\",\"iface\":\"tap0\",\"file\":\"tap0-20261203T170417Z.pcap.gz\",\"reason\":\"stop\",\"received\":193,\"dropped_kernel\":0,\"dropped_iface\":0,\"dropped_hostd\":0,\"dropped_queue\":0,\"dropped_budget\":0,\"written\":193,\"bytes\":30593,\"file_packets\":193,\"file_bytes\":30593}",
	  NOPEER("17:04:36") "capture ended: 193 packets kept, none dropped" },
	{ "{\"ts\":\"2026-12-03T17:04:36.109040Z\",\"type\":\"nflog.stats\",\"group\":5,\"unlogged_group\":6,\"messages\":16,\"events\":16,\"unlogged\":0,\"unparsed\":0,\"overflows\":0,\"read_errors\":0}",
	  NOPEER("17:04:36") "connection log: 16 events, 0 unlogged, 0 bad" },
	{ "{\"ts\":\"2026-12-03T17:04:17.061542Z\",\"type\":\"hostd.user\",\"user\":\"nobody\",\"uid\":65534,\"gid\":65534,\"capabilities\":[]}",
	  NOPEER("17:04:17") "hostd runs as nobody" },
	{ "{\"ts\":\"2026-12-03T17:04:17.038882Z\",\"type\":\"capture.start\",\"iface\":\"tap0\",\"linktype\":1,\"snaplen\":262144,\"rotate\":3600,\"file\":\"tap0-20261203T170417Z.pcap.gz\"}",
	  NOPEER("17:04:17") "capture started on tap0" },
	{ "{\"ts\":\"2026-12-03T17:04:17.050000Z\",\"type\":\"guest.start\",\"pid\":30580,\"kernel\":\"/x/linux\",\"cmdline\":[\"/x/linux\",\"mem=256M\"],\"jail\":true,\"jail_uid\":64200,\"cgroup\":null,\"cpu\":1}",
	  NOPEER("17:04:17") "guest started (pid 30580)" },
};

START_TEST(real_lines)
{
	size_t i;

	for (i = 0; i < sizeof(real) / sizeof(real[0]); i++)
		ck_assert_str_eq(fmt(real[i].in), real[i].want);
}
END_TEST

/* The rest of what hostd writes, shaped as its writers (hostd/) make them. */
START_TEST(other_types)
{
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"net.outbound\",\"proto\":\"udp\",\"src\":\"10.0.0.2\",\"dst\":\"198.51.100.7\",\"sport\":4000,\"dport\":9999,\"class\":\"udp\",\"count\":21,\"limit\":20,\"verdict\":\"blocked\"}"),
			 PEER("03:45:12", "198.51.100.7 ") "outbound udp/9999 BLOCKED (21 > 20 this hour)");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"net.outbound\",\"proto\":\"udp\",\"src\":\"10.0.0.2\",\"dst\":\"198.51.100.53\",\"sport\":4000,\"dport\":53,\"dns\":true,\"count\":null,\"limit\":null,\"verdict\":\"allowed\"}"),
			 PEER("03:45:12", "198.51.100.53") "outbound udp/53 allowed (DNS, no limit)");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"net.blocked\",\"proto\":\"tcp\",\"src\":\"203.0.113.100\",\"dst\":\"10.0.0.1\",\"sport\":1,\"dport\":23,\"direction\":\"in\",\"reason\":\"wall\"}"),
			 PEER("03:45:12", "203.0.113.100") "BLOCKED inbound tcp/23 (wall)");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"net.blocked\",\"proto\":\"tcp\",\"src\":\"10.0.0.2\",\"dst\":\"10.0.0.9\",\"sport\":1,\"dport\":22,\"direction\":\"out\",\"reason\":\"stray\"}"),
			 PEER("03:45:12", "10.0.0.9     ") "BLOCKED outbound tcp/22 (stray)");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"net.unlogged\",\"first\":\"2026-12-03T03:45:11.0Z\",\"last\":\"2026-12-03T03:45:12.0Z\",\"attempts\":300,\"counts\":{\"out udp drop\":280,\"out udp allow\":20}}"),
			 NOPEER("03:45:12") "300 attempts over the log rate, not logged");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"capture.full\",\"iface\":\"tap0\",\"share\":50,\"budget\":2000,\"used\":1000,\"packet\":74,\"file\":\"f\"}"),
			 NOPEER("03:45:12") "capture full (1000 B): later packets not kept");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"capture.stats\",\"iface\":\"tap0\",\"reason\":\"stop\",\"received\":9,\"dropped_kernel\":1,\"dropped_iface\":1,\"dropped_hostd\":2,\"dropped_queue\":0,\"dropped_budget\":1230,\"written\":7}"),
			 NOPEER("03:45:12") "capture: 1234 dropped (1230 over budget), 7 kept");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"capture.stats\",\"iface\":\"tap0\",\"reason\":\"stop\",\"received\":9,\"dropped_kernel\":3,\"dropped_iface\":0,\"dropped_hostd\":2,\"dropped_queue\":2,\"dropped_budget\":0,\"written\":4}"),
			 NOPEER("03:45:12") "capture: 5 dropped, 4 kept");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"guest.exit\",\"pid\":5,\"exit_status\":null,\"signal\":9}"),
			 NOPEER("03:45:12") "guest killed by signal 9");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"guest.ended\",\"reason\":\"hostd was killed by signal 9\",\"hostd_status\":9}"),
			 NOPEER("03:45:12") "guest ended: hostd was killed by signal 9");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"hostd.error\",\"what\":\"nflog 5: gone; events lost\",\"event\":\"net\"}"),
			 NOPEER("03:45:12") "hostd error: nflog 5: gone; events lost");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"hostd.suspend\",\"what\":\"disk full\",\"guest_paused\":true}"),
			 NOPEER("03:45:12") "hostd suspended: disk full");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"stream.error\",\"offset\":16480,\"session\":6000,\"what\":\"DATA for session 6000\"}"),
			 NOPEER("03:45:12") "tty stream error: DATA for session 6000");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"stream.resync\",\"offset\":1,\"skipped\":12}"),
			 NOPEER("03:45:12") "tty stream resynchronised, 12 bytes skipped");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"stream.loss\",\"records\":3,\"bytes\":300}"),
			 NOPEER("03:45:12") "tty stream lost 3 records (300 B)");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"console.cut\",\"cap\":1048576,\"written\":1048576}"),
			 NOPEER("03:45:12") "console log cut at 1048576 B");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"net.unparsed\",\"prefix\":null,\"what\":\"short\"}"),
			 NOPEER("03:45:12") "unreadable connection log message: short");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"tty.open\",\"session\":7,\"tty\":\"pts/3\",\"resumed\":true}"),
			 NOPEER("03:45:12") "session 7 resumed (pts/3)");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"tty.open\",\"session\":7,\"tty\":\"\",\"implicit\":true}"),
			 NOPEER("03:45:12") "session 7 opened (, its open record lost)");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"tty.close\",\"session\":7,\"tty\":\"pts/3\",\"duration\":60.25,\"bytes_in\":1,\"bytes_out\":2,\"reason\":\"evicted\"}"),
			 NOPEER("03:45:12") "session 7 evicted (pts/3, 60.2 s, 1 B typed)");
}
END_TEST

START_TEST(unknown_and_missing)
{
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"foo.bar\",\"x\":1}"),
			 NOPEER("03:45:12") "event foo.bar");
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\"}"),
			 NOPEER("03:45:12") "event without a type");
	/* No time, or not hostd's shape: the columns stay, the time is unknown. */
	ck_assert_str_eq(fmt("{\"type\":\"tty.hangup\",\"session\":2,\"tty\":\"pts/1\"}"),
			 NOPEER("--:--:--") "session 2 hung up (pts/1)");
	ck_assert_str_eq(fmt("{\"ts\":\"03:45:12\",\"type\":\"tty.hangup\",\"session\":2,\"tty\":\"pts/1\"}"),
			 NOPEER("--:--:--") "session 2 hung up (pts/1)");
	/* Numbers of the wrong kind read as 0, never as garbage. */
	ck_assert_str_eq(fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"tty.hangup\",\"session\":-3,\"tty\":5}"),
			 NOPEER("03:45:12") "session 0 hung up (?)");
}
END_TEST

/* What the guest chooses reaches the terminal as printable text only. */
START_TEST(hostile_strings)
{
	const char *out;

	out = fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"exec\",\"session\":4,\"uid\":0,\"euid\":0,\"argv\":[\"printf\",\"\\u001b[31mred\\u001b]0;title\\u0007\"]}");
	ck_assert_str_eq(out, NOPEER("03:45:12") "exec[4] printf \\x1b[31mred\\x1b]0;title\\x07");
	out = fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"exec\",\"session\":4,\"argv\":[\"a\\nb\\r\",\"\\u009b2J\"]}");
	ck_assert_str_eq(out, NOPEER("03:45:12") "exec[4] a\\x0ab\\x0d \\x9b2J");
	/* Raw UTF-8 shows as its bytes; a wider escape as '?'. */
	out = fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"exec\",\"argv\":[\"caf\xc3\xa9\",\"\\u2028\\u00ff\"]}");
	ck_assert_str_eq(out, NOPEER("03:45:12") "exec caf\\xc3\\xa9 ?\\xff");
	out = fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"exec\",\"argv\":[\"echo\",\"say \\\"hi\\\"\",\"\",\"a\\\\b\"]}");
	ck_assert_str_eq(out, NOPEER("03:45:12") "exec echo \"say \\\"hi\\\"\" \"\" a\\\\b");
	/* The tty name and the type are the guest's and hostd's: escaped the same. */
	out = fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"tty.open\",\"session\":1,\"tty\":\"\\u001b[2J\"}");
	ck_assert_str_eq(out, NOPEER("03:45:12") "session 1 opened (\\x1b[2J)");
	out = fmt("{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"x\\u001by\"}");
	ck_assert_str_eq(out, NOPEER("03:45:12") "event x\\x1by");
}
END_TEST

START_TEST(long_argv_cut)
{
	size_t n = 10 * 1024, i;
	char *line = malloc(n + 200);
	const char *out;
	int len;

	ck_assert_ptr_nonnull(line);
	len = sprintf(line, "{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"exec\",\"argv\":[\"");
	for (i = 0; i < n; i++)
		line[len++] = (char)('a' + i % 26);
	strcpy(line + len, "\"],\"truncated\":true}");
	out = fmt(line);
	ck_assert_uint_eq(strlen(out), WATCH_WIDTH);
	ck_assert_str_eq(out + WATCH_WIDTH - 3, "...");
	ck_assert_int_eq(strncmp(out, NOPEER("03:45:12") "exec abcdef", strlen(NOPEER("03:45:12")) + 11), 0);
	/* Escapes near the cut: the line still ends in "..." at the width. */
	len = sprintf(line, "{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"exec\",\"argv\":[\"");
	for (i = 0; i < 200; i++)
		len += sprintf(line + len, "\\u001b");
	strcpy(line + len, "\"]}");
	out = fmt(line);
	ck_assert_uint_eq(strlen(out), WATCH_WIDTH);
	ck_assert_str_eq(out + WATCH_WIDTH - 3, "...");
	free(line);
}
END_TEST

START_TEST(bad_json)
{
	static const char *const bad[] = {
		"", "not json", "{", "[1,2]", "\"str\"", "{\"type\":\"exec\"",
		"{\"type\":\"exec\",}", "{\"type\" \"exec\"}", "{\"a\":01x}", "{}x",
		"{\"a\":\"\\x41\"}", "{\"a\":\"\\u00G1\"}", "{\"a\":\"tab\there\"}",
		"{\"a\":tru}", "{\"a\":[\"x\",]}", "{\"a\":[[[[[[[[[[1]]]]]]]]]]}",
		"{\"a\":{\"b\":1}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":1e}",
		"{\"ts\":\"2026-12-03T03:45:12.0Z\",\"type\":\"exec\",\"argv\":[\"ls\"",
	};
	char many[2048];
	size_t i;
	int len;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(strstr(fmt(bad[i]), "unreadable event line") != NULL, "%s", bad[i]);
	ck_assert_str_eq(fmt("not json"), NOPEER("--:--:--") "unreadable event line (8 B)");
	/* More members than the reader keeps: refused, not read in part. */
	len = sprintf(many, "{");
	for (i = 0; i < 40; i++)
		len += sprintf(many + len, "%s\"k%zu\":%zu", i ? "," : "", i, i);
	sprintf(many + len, "}");
	ck_assert_ptr_nonnull(strstr(fmt(many), "unreadable event line"));
	/* A NUL inside the line is a byte like any other, never an end. */
	ck_assert_ptr_nonnull(strstr(fmt_n("{\"type\":\"e\0\"}", 13), "unreadable event line"));
	ck_assert_str_eq(fmt_n("{\"type\":\"e\"}\0", 13), NOPEER("--:--:--") "unreadable event line (13 B)");
}
END_TEST

START_TEST(names_and_notes)
{
	char out[WATCH_WIDTH + 1];

	/* The name column: padded to name_cols, a longer name pushes the rest right. */
	watch_format(out, "a", 4, "{\"type\":\"x\"}", 12);
	ck_assert_str_eq(out, "--:--:-- a     -                event x");
	watch_format(out, "\x1b]0;", 4, "{\"type\":\"x\"}", 12);
	ck_assert_str_eq(out, "--:--:-- \\x1b]0;  -                event x");
	ck_assert_uint_eq(watch_note(out, "17:04:16", "web", 3, "new run 20261203T170416Z-74ac8bc7"),
			  strlen(NOPEER("17:04:16") "new run 20261203T170416Z-74ac8bc7"));
	ck_assert_str_eq(out, NOPEER("17:04:16") "new run 20261203T170416Z-74ac8bc7");
	watch_note(out, NULL, "web", 3, "x");
	ck_assert_str_eq(out, NOPEER("--:--:--") "x");
}
END_TEST

Suite *watch_format_suite(void)
{
	Suite *s = suite_create("watch_format");
	TCase *tc = tcase_create("watch_format");

	tcase_add_test(tc, real_lines);
	tcase_add_test(tc, other_types);
	tcase_add_test(tc, unknown_and_missing);
	tcase_add_test(tc, hostile_strings);
	tcase_add_test(tc, long_argv_cut);
	tcase_add_test(tc, bad_json);
	tcase_add_test(tc, names_and_notes);
	suite_add_tcase(s, tc);
	return s;
}
