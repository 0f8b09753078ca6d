/* SPDX-License-Identifier: GPL-2.0 */
/* The Check suites of the ttyreplay unit tests, one per file. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite *reader_suite(void);
Suite *timeline_suite(void);
Suite *escfilter_suite(void);
Suite *replay_suite(void);
Suite *export_suite(void);
Suite *list_suite(void);
Suite *options_suite(void);

#endif
