# SPDX-License-Identifier: GPL-2.0
# make install / make uninstall: the programs, the guest kernel, root_fs and
# default persona, the example config, the systemd unit and the man pages.
# PREFIX, SYSCONFDIR and DESTDIR as usual; honeynet finds hostd, the kernel,
# root_fs and persona relative to its own sbin/ (tools/honeynet/sys/
# install_paths.c), so those directories follow PREFIX and nothing else.
PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
DESTDIR ?=

SBINDIR := $(PREFIX)/sbin
BINDIR := $(PREFIX)/bin
HN_LIBDIR := $(PREFIX)/lib/honeynet
HN_DATADIR := $(PREFIX)/share/honeynet
UNITDIR := $(PREFIX)/lib/systemd/system
MANDIR := $(PREFIX)/share/man
HN_CONFDIR := $(SYSCONFDIR)/honeynet

HN_UNIT_IN := tools/honeynet/honeynet.service.in
HN_CONF_EXAMPLE := tools/honeynet/conf/honeynet.conf.example
# $(call persona_each,FIND-TESTS,COMMAND): COMMAND for each path $$p of the
# default persona that FIND-TESTS select, relative to rootfs/persona
# (proc/...; some names hold a '*', so only ever quoted), with $$dest its
# installed directory; fails if find or any COMMAND does.
persona_each = cd rootfs/persona && find proc $(1) -exec sh -c \
	'dest=$$0; for p; do $(2) || exit 1; done' '$(DESTDIR)$(HN_DATADIR)/persona' {} +

# $(call put,SRC,DEST,MODE): SRC copied to DEST (under DESTDIR) through a
# temporary name, so a running program or guest keeps the file it opened,
# with its time (a copy-on-write disk checks its backing file's).
put = cp --sparse=always --preserve=timestamps -- $(1) '$(DESTDIR)$(2).tmp' && $(call rename,$(2),$(3))
# $(call rename,DEST,MODE): DEST.tmp (under DESTDIR) given MODE, then made DEST.
rename = chmod $(2) '$(DESTDIR)$(1).tmp' && mv -f -- '$(DESTDIR)$(1).tmp' '$(DESTDIR)$(1)'

# The example with paths to the installed root_fs and persona: a first
# honeynet.conf to edit, written only when there is none.
HN_CONF_SED := -e 's|^root_fs = .*|root_fs = $(HN_DATADIR)/root_fs|' \
	-e 's|^persona = .*|persona = $(HN_DATADIR)/persona/proc|'

.PHONY: install uninstall
install: all
	install -d -m 0755 '$(DESTDIR)$(SBINDIR)' '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(HN_LIBDIR)' \
		'$(DESTDIR)$(HN_DATADIR)' '$(DESTDIR)$(UNITDIR)' '$(DESTDIR)$(HN_CONFDIR)' \
		'$(DESTDIR)$(MANDIR)/man1' '$(DESTDIR)$(MANDIR)/man5' '$(DESTDIR)$(MANDIR)/man8'
	$(call put,$(B)/bin/honeynet,$(SBINDIR)/honeynet,0755)
	$(call put,$(B)/bin/hostd,$(SBINDIR)/hostd,0755)
	$(call put,$(B)/bin/ttyreplay,$(BINDIR)/ttyreplay,0755)
	$(call put,$(B)/linux,$(HN_LIBDIR)/linux,0755)
	$(call put,$(B)/root_fs,$(HN_DATADIR)/root_fs,0644)
	$(call put,$(B)/root_fs.manifest,$(HN_DATADIR)/root_fs.manifest,0644)
	$(call persona_each,-type d,install -d -m 0755 "$$dest/$$p")
	$(call persona_each,-type f,install -m 0644 "$$p" "$$dest/$$p")
	sed -e 's|@SBINDIR@|$(SBINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' $(HN_UNIT_IN) \
		>'$(DESTDIR)$(UNITDIR)/honeynet.service.tmp' && $(call rename,$(UNITDIR)/honeynet.service,0644)
	$(call put,$(HN_CONF_EXAMPLE),$(HN_CONFDIR)/honeynet.conf.example,0644)
	test -e '$(DESTDIR)$(HN_CONFDIR)/honeynet.conf' || { \
		sed $(HN_CONF_SED) $(HN_CONF_EXAMPLE) >'$(DESTDIR)$(HN_CONFDIR)/honeynet.conf.tmp' && \
		$(call rename,$(HN_CONFDIR)/honeynet.conf,0644); }
	$(call put,tools/ttyreplay/ttyreplay.1,$(MANDIR)/man1/ttyreplay.1,0644)
	$(call put,tools/honeynet/conf/honeynet.conf.5,$(MANDIR)/man5/honeynet.conf.5,0644)
	$(call put,tools/honeynet/honeynet.8,$(MANDIR)/man8/honeynet.8,0644)
	$(call put,hostd/hostd.8,$(MANDIR)/man8/hostd.8,0644)

# Exactly what install put, but honeynet.conf: the operator's (even the one
# install wrote, once it is there), as is everything under /var/lib/honeynet.
uninstall:
	rm -f -- '$(DESTDIR)$(SBINDIR)/honeynet' '$(DESTDIR)$(SBINDIR)/hostd' \
		'$(DESTDIR)$(BINDIR)/ttyreplay' '$(DESTDIR)$(HN_LIBDIR)/linux' \
		'$(DESTDIR)$(HN_DATADIR)/root_fs' '$(DESTDIR)$(HN_DATADIR)/root_fs.manifest' \
		'$(DESTDIR)$(UNITDIR)/honeynet.service' '$(DESTDIR)$(HN_CONFDIR)/honeynet.conf.example' \
		'$(DESTDIR)$(MANDIR)/man1/ttyreplay.1' '$(DESTDIR)$(MANDIR)/man5/honeynet.conf.5' \
		'$(DESTDIR)$(MANDIR)/man8/honeynet.8' '$(DESTDIR)$(MANDIR)/man8/hostd.8'
	$(call persona_each,-type f,rm -f -- "$$dest/$$p")
	$(call persona_each,-depth -type d,! [ -d "$$dest/$$p" ] || rmdir --ignore-fail-on-non-empty -- "$$dest/$$p")
	for d in '$(DESTDIR)$(HN_DATADIR)/persona' '$(DESTDIR)$(HN_DATADIR)' \
		'$(DESTDIR)$(HN_LIBDIR)' '$(DESTDIR)$(HN_CONFDIR)'; do \
		! [ -d "$$d" ] || rmdir --ignore-fail-on-non-empty -- "$$d" || exit 1; done
