/* SPDX-License-Identifier: GPL-2.0 */
/* `honeynet lab watch [--archive DIR]`: the watch feed of the lab's archive. */
#ifndef LAB_WATCH_H
#define LAB_WATCH_H

/*
 * Parses lab watch's arguments (after "watch") and runs the feed of the
 * archive: DIR, else the running lab's, else the one lab up uses by
 * default (bindir's archive/). Returns the exit status (2: bad usage).
 */
int lab_watch_main(int argc, char *argv[], const char *bindir);

#endif
