#!/bin/bash
# Texts shared by the kernel patches and the host side are one text: each
# file a patch adds is its copy in the repository, word for word.
source "$(dirname "$0")/lib.sh"

# shared KERNEL_PATH REPO_PATH MARKER: the patch in the series that adds
# KERNEL_PATH adds REPO_PATH's text exactly (MARKER proves it is not empty).
shared() {
	local kpath=$1 repo=$2 marker=$3 patch_file from_patch
	patch_file=$(grep -l "^+++ b/$kpath\$" "$TOP"/patches/*.patch | head -n 1)
	check "a patch in the series adds $kpath" test -n "$patch_file"
	check "that patch is listed in patches/series" \
		grep -qxF -- "$(basename "${patch_file:-none}")" "$TOP/patches/series"
	# The new file's hunk: the lines after its +++ header, '+' stripped,
	# up to the next file in the patch.
	from_patch=$(awk -v want="+++ b/$kpath" '
		$0 == want { on = 1; next }
		on && /^diff --git / { exit }
		on && /^@@/ { next }
		on && /^\+/ { print substr($0, 2) }
	' "${patch_file:-/dev/null}")
	check "$kpath in the patch is $repo word for word" \
		test "$from_patch" = "$(cat "$TOP/$repo")"
	check "$kpath is not empty" grep -q -- "$marker" <<<"$from_patch"
}

shared arch/um/include/shared/tty_log_wire.h common/tty_log_wire.h TTY_LOG_MAGIC
shared arch/um/include/shared/persona.h common/persona.h PERSONA_PATH_MAX
shared arch/um/kernel/persona_apply.c common/persona_apply.c persona_filter_apply
shared arch/um/os-Linux/persona_parse.c common/persona_parse.c persona_parse_filter
shared arch/um/os-Linux/persona_load.c common/persona_load.c persona_load
exit $status
