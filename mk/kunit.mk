# SPDX-License-Identifier: GPL-2.0
# KUnit suites of the kernel patches (tests/kunit): a separate UML kernel in
# build/kunit/obj, built from the patched tree and booted by tests/kunit/run.
.PHONY: kunit
kunit: $(B)/kernel/tree.stamp
	tests/run kunit
