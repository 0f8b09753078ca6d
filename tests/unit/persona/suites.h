/* SPDX-License-Identifier: GPL-2.0 */
/* The Check suites of the persona's unit tests, run by unit_main.c. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite *persona_apply_suite(void);
Suite *persona_parse_suite(void);
Suite *persona_load_suite(void);

#endif
