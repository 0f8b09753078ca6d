/* SPDX-License-Identifier: GPL-2.0 */
/* `honeynet lab`: the whole lab brought up, run in the foreground, or down. */
#ifndef LAB_H
#define LAB_H

#include "lab_config.h"

int lab_up(const struct lab_config *cfg);
int lab_down(void);
int lab_run(const struct lab_config *cfg);
int lab_status(void);

#endif
