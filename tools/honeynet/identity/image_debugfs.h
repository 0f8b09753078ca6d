/* SPDX-License-Identifier: GPL-2.0 */
/* Files put into and read out of an ext4 image with debugfs (e2fsprogs), without mounting it. */
#ifndef IMAGE_DEBUGFS_H
#define IMAGE_DEBUGFS_H

#include <sys/types.h>

/* One host file to put into the image. */
struct image_put {
	const char *src;	/* on the host */
	const char *dest;	/* in the image */
	mode_t mode;		/* in the image, owned by root */
};

/*
 * 0 if path can go into a debugfs script; -1 after a report if it holds a
 * blank, quote, backslash or control character.
 */
int image_path_ok(const char *path);

/*
 * Replaces each put's dest in image by its src, root's with its mode. The
 * script goes to work/write.debugfs. 0, or -1 after a report; debugfs does
 * not say when one of its commands fails, so read the files back.
 */
int image_put(const char *image, const char *work, const struct image_put *puts, int n);

/*
 * Copies out of image, read-only, each pairs[2i] (a path in the image) to
 * work/pairs[2i+1], with its owner and mode if keep_owner; a file the image
 * lacks is simply not there afterwards. The script goes to work/script.
 * 0, or -1 after a report.
 */
int image_dump(const char *image, const char *work, const char *script,
	       const char *const *pairs, int n, int keep_owner);

#endif
