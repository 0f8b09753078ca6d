#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every source file git tracks names its licence (LICENSE): an SPDX line
# first (after the #! line of a script), in the kernel's form for its kind,
# and its one-line role comment right after it. Sources are C, headers,
# shell, Python, make files and anything with a #! line; not the kernel
# patches, fuzz corpora, goldens, nor the guest's files (rootfs/overlay,
# rootfs/persona: an SPDX line there would show in the honeypot).
source "$(dirname "$0")/lib.sh"
require git
cd "$TOP" || exit 1

# spdx_line FILE: the SPDX line FILE's kind takes.
spdx_line() {
	case $1 in
	*.c) echo '// SPDX-License-Identifier: GPL-2.0' ;;
	*.h | *.S) echo '/* SPDX-License-Identifier: GPL-2.0 */' ;;
	*) echo '# SPDX-License-Identifier: GPL-2.0' ;;
	esac
}

# is_source FILE: C, a header, assembler, a script or a make file.
is_source() {
	case $1 in
	*.c | *.h | *.S | *.sh | *.py | *.mk | Makefile) return 0 ;;
	esac
	[ "$(head -c 2 "$1")" = '#!' ]
}

# spdx_ok FILE: the SPDX line first (after #!), then a comment or docstring.
spdx_ok() {
	local first=1 spdx role
	[ "$(head -c 2 "$1")" = '#!' ] && first=2
	spdx=$(sed -n "${first}p" "$1")
	role=$(sed -n "$((first + 1))p" "$1")
	[ "$spdx" = "$(spdx_line "$1")" ] && [[ $role =~ ^(/\*|//|#|\"\"\") ]]
}

files=0 missing=()
while IFS= read -r f; do
	[ -f "$f" ] && is_source "$f" || continue
	files=$((files + 1))
	spdx_ok "$f" || missing+=("$f")
done < <(git ls-files -- ':!patches' ':!tests/fuzz/corpus*' ':!*/golden/*' \
	':!rootfs/overlay' ':!rootfs/persona')
check "git tracks source files to look at ($files)" test "$files" -gt 100
check "each opens with its SPDX line, then its role comment${missing:+ (not: ${missing[*]:0:10})}" \
	test "${#missing[@]}" -eq 0
check "LICENSE is the GPL, version 2" grep -q 'GNU GENERAL PUBLIC LICENSE' LICENSE
check "LICENSE says why the whole project is GPL-2.0" grep -q 'one project' LICENSE
exit $status
