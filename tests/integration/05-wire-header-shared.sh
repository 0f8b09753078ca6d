#!/bin/bash
# The TTY log wire header is one text: the kernel patch's copy is hostd's.
source "$(dirname "$0")/lib.sh"

patch_file=$(grep -l 'arch/um/include/shared/tty_log_wire.h' "$TOP"/patches/*.patch | head -n 1)
check "a patch in the series adds arch/um/include/shared/tty_log_wire.h" test -n "$patch_file"
check "that patch is listed in patches/series" \
	grep -qxF -- "$(basename "${patch_file:-none}")" "$TOP/patches/series"

# The new file's hunk: the lines after its +++ header, '+' stripped, up to
# the next file in the patch.
from_patch=$(awk '
	/^\+\+\+ b\/arch\/um\/include\/shared\/tty_log_wire.h/ { on = 1; next }
	on && /^diff --git / { exit }
	on && /^@@/ { next }
	on && /^\+/ { print substr($0, 2) }
' "${patch_file:-/dev/null}")
check "the patch's header is hostd/tty_log_wire.h word for word" \
	test "$from_patch" = "$(cat "$TOP/hostd/tty_log_wire.h")"
check "the header is not empty" grep -q TTY_LOG_MAGIC <<<"$from_patch"
exit $status
