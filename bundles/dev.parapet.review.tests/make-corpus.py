#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Writes corpus/<nn-name>/{before,after}.parapet and expected from base.parapet.txt and the cases below.

Each case edits the base by exact, unique text replacements (each side from the base) and lists
the expected changes as "<device|fleet> <ELEMENT_KIND> <element> <CHANGE> <VERDICT>". Device groups:
ALL = laptop-001 laptop-002 kiosk-001 (all inherit profile laptop), LAP = the two laptops
(kiosk-001 overrides USB default, required-group and pin-tries in profile kiosk).
Run it after editing; the generated files are committed so the test reads plain files.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = open(os.path.join(HERE, "base.parapet.txt")).read()
GROUPS = {"ALL": ["laptop-001", "laptop-002", "kiosk-001"], "LAP": ["laptop-001", "laptop-002"],
          "L1": ["laptop-001"], "L2": ["laptop-002"], "K": ["kiosk-001"], "F": ["fleet"]}

PEER_HQ_SEL = 'selector local "0.0.0.0/0" remote "10.0.0.0/8"'
BRANCH_PEER = '''		peer branch {
			address "198.51.100.20"
			ike-proposal aes-256-gcm prf sha2-256 dh ecp-256
			esp-proposal aes-256-gcm pfs ecp-256
			auth card-key
			selector local "0.0.0.0/0" remote "192.168.50.0/24"
		}
		bypass dhcp'''
NO_ENCRYPT_ALL = ("\t\tencrypt-all\n", "")

CASES = [
    ("usb-default-read-only-to-allow", [], [("default read-only", "default allow")],
     ["LAP USB_DEFAULT default CHANGED WIDENS"]),
    ("usb-default-read-only-to-deny", [], [("default read-only", "default deny")],
     ["LAP USB_DEFAULT default CHANGED NARROWS"]),
    ("usb-rule-added-allow-shadows-encrypt", [],
     [('device laptop-001 extends laptop { serial "PF-001" }',
       'device laptop-001 extends laptop { serial "PF-001" usb { match any-kingston vendor "0951" allow } }')],
     ["L1 USB_RULE any-kingston ADDED WIDENS"]),
    ("usb-rule-added-deny", [],
     [('device laptop-001 extends laptop { serial "PF-001" }',
       'device laptop-001 extends laptop { serial "PF-001" usb { match lost-stick vendor "0951" serial "X1" deny } }')],
     ["L1 USB_RULE lost-stick ADDED NARROWS"]),
    ("usb-rule-removed-allow", [], [('\t\tmatch yubikey vendor "1050" allow\n', "")],
     ["ALL USB_RULE yubikey REMOVED NARROWS"]),
    ("usb-encrypt-cipher-weaker", [], [("product \"1666\" encrypt aes-xts-256", "product \"1666\" encrypt aes-xts-128")],
     ["ALL USB_RULE corporate-stick CHANGED WIDENS"]),
    ("usb-matcher-broadened", [], [('vendor "0951" product "1666" encrypt', 'vendor "0951" encrypt')],
     ["ALL USB_RULE corporate-stick CHANGED WIDENS"]),
    ("usb-rule-renamed", [], [("match yubikey vendor", "match security-key vendor")],
     ["ALL USB_RULE security-key RENAMED NEUTRAL"]),
    ("storage-cipher-256-to-128", [], [("whole encrypt aes-xts-256 key disk-key", "whole encrypt aes-xts-128 key disk-key")],
     ["ALL STORAGE_RULE system CHANGED WIDENS"]),
    ("storage-cipher-128-to-256", [("whole encrypt aes-xts-256 key disk-key", "whole encrypt aes-xts-128 key disk-key")], [],
     ["ALL STORAGE_RULE system CHANGED NARROWS"]),
    ("storage-encrypted-rule-removed", [], [("\t\tdisk system nvme 0 namespace 1 whole encrypt aes-xts-256 key disk-key\n", "")],
     ["ALL STORAGE_RULE system REMOVED WIDENS"]),
    ("storage-encrypted-rule-added", [],
     [("key disk-key\n\t}", "key disk-key\n\t\tdisk data ahci 0 port 1 whole encrypt aes-xts-256 key disk-key\n\t}")],
     ["ALL STORAGE_RULE data ADDED NARROWS"]),
    ("storage-plain-to-encrypted",
     [("key disk-key\n\t}", "key disk-key\n\t\tdisk scratch nvme 0 namespace 2 whole plain\n\t}")],
     [("key disk-key\n\t}", "key disk-key\n\t\tdisk scratch nvme 0 namespace 2 whole encrypt aes-xts-256 key disk-key\n\t}")],
     ["ALL STORAGE_RULE scratch CHANGED NARROWS"]),
    ("storage-range-shrinks", [], [("namespace 1 whole encrypt", "namespace 1 lba 2048..end encrypt")],
     ["ALL STORAGE_RULE system CHANGED WIDENS"]),
    ("storage-range-whole-equals-lba-0-to-end", [], [("namespace 1 whole encrypt", "namespace 1 lba 0..end encrypt")],
     []),
    ("storage-rule-moved-to-other-disk", [], [("nvme 0 namespace 1 whole", "nvme 1 namespace 1 whole")],
     ["ALL STORAGE_RULE system CHANGED WIDENS"]),
    ("storage-rule-renamed", [], [("disk system nvme", "disk os nvme")],
     ["ALL STORAGE_RULE os RENAMED NEUTRAL"]),
    ("key-strength-weaker", [], [("storage-key disk-key { strength xts-256", "storage-key disk-key { strength xts-128")],
     ["ALL STORAGE_RULE system CHANGED WIDENS"]),
    ("key-escrow-added", [], [("wrap-to engineers generation 1", "wrap-to engineers escrow escrow-2026 generation 1")],
     ["ALL STORAGE_RULE system CHANGED WIDENS"]),
    ("key-origin-escrowed", [], [("disk-key { strength xts-256 origin generated", "disk-key { strength xts-256 origin escrowed")],
     ["ALL STORAGE_RULE system CHANGED WIDENS"]),
    ("key-generation-rotated", [], [("wrap-to engineers generation 1", "wrap-to engineers generation 2")],
     ["ALL STORAGE_RULE system CHANGED NEUTRAL"]),
    ("group-engineers-gains-holder", [], [("holders bob includes admins", "holders bob, carol includes admins")],
     ["ALL STORAGE_RULE system CHANGED WIDENS", "LAP REQUIRED_GROUPS required-group CHANGED WIDENS"]),
    ("group-admins-gains-holder-transitively", [], [("group admins { holders alice }", "group admins { holders alice, mallory }")],
     ["ALL STORAGE_RULE system CHANGED WIDENS", "ALL USB_RULE corporate-stick CHANGED WIDENS",
      "ALL REQUIRED_GROUPS required-group CHANGED WIDENS"]),
    ("group-engineers-loses-holder", [], [("holders bob includes admins", "includes admins")],
     ["ALL STORAGE_RULE system CHANGED NARROWS", "LAP REQUIRED_GROUPS required-group CHANGED NARROWS"]),
    ("holder-gains-card", [], [('holder bob { display-name "Bob" card "card-0002" }',
                                'holder bob { display-name "Bob" card "card-0002" card "card-0777" }')],
     ["ALL STORAGE_RULE system CHANGED WIDENS", "LAP REQUIRED_GROUPS required-group CHANGED WIDENS"]),
    ("bypass-added", [], [("bypass dhcp udp port 67", 'bypass dhcp udp port 67\n\t\tbypass ssh tcp remote "198.51.100.0/24" port 22')],
     ["ALL BYPASS ssh ADDED WIDENS"]),
    ("bypass-removed", [], [("\t\tbypass dhcp udp port 67\n", "")], ["ALL BYPASS dhcp REMOVED NARROWS"]),
    ("bypass-any-port", [], [("bypass dhcp udp port 67", "bypass dhcp udp")], ["ALL BYPASS dhcp CHANGED WIDENS"]),
    ("bypass-narrowed-to-remote", [], [("bypass dhcp udp port 67", 'bypass dhcp udp remote "10.0.0.1" port 67')],
     ["ALL BYPASS dhcp CHANGED NARROWS"]),
    ("encrypt-all-dropped", [], [NO_ENCRYPT_ALL], ["ALL ENCRYPT_ALL encrypt-all REMOVED WIDENS"]),
    ("encrypt-all-set", [NO_ENCRYPT_ALL], [], ["ALL ENCRYPT_ALL encrypt-all ADDED NARROWS"]),
    ("selector-added-under-encrypt-all", [],
     [(PEER_HQ_SEL, PEER_HQ_SEL + '\n\t\t\tselector local "0.0.0.0/0" remote "172.16.0.0/12"')],
     ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("selector-narrowed-under-encrypt-all", [], [('remote "10.0.0.0/8"', 'remote "10.1.0.0/16"')],
     ["ALL IPSEC_PEER hq CHANGED NARROWS"]),
    ("selector-narrowed-without-encrypt-all", [NO_ENCRYPT_ALL], [NO_ENCRYPT_ALL, ('remote "10.0.0.0/8"', 'remote "10.1.0.0/16"')],
     ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("peer-added-under-encrypt-all", [], [("\t\tbypass dhcp", BRANCH_PEER)], ["ALL IPSEC_PEER branch ADDED WIDENS"]),
    ("peer-added-without-encrypt-all", [NO_ENCRYPT_ALL], [NO_ENCRYPT_ALL, ("\t\tbypass dhcp", BRANCH_PEER)],
     ["ALL IPSEC_PEER branch ADDED NARROWS"]),
    ("peer-removed-without-encrypt-all", [NO_ENCRYPT_ALL, ("\t\tbypass dhcp", BRANCH_PEER)], [NO_ENCRYPT_ALL],
     ["ALL IPSEC_PEER branch REMOVED WIDENS"]),
    ("ike-proposal-weaker", [], [("ike-proposal aes-256-gcm prf sha2-384 dh ecp-384",
                                  "ike-proposal aes-128-cbc integrity hmac-sha1 prf sha1 dh modp-1024")],
     ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("ike-proposal-stronger-added-only", [], [("ike-proposal aes-256-gcm prf sha2-384 dh ecp-384",
                                               "ike-proposal aes-256-gcm prf sha2-384 dh ecp-384\n\t\t\tike-proposal aes-256-gcm prf sha2-512 dh ecp-521")],
     ["ALL IPSEC_PEER hq CHANGED NEUTRAL"]),
    ("esp-pfs-dropped", [], [("esp-proposal aes-256-gcm pfs ecp-384", "esp-proposal aes-256-gcm")],
     ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("esp-cipher-3des", [], [("esp-proposal aes-256-gcm pfs ecp-384", "esp-proposal 3des-cbc integrity hmac-sha2-256 pfs ecp-384")],
     ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("peer-auth-card-key-to-psk", [], [("auth card-key\n\t\t\tremote-id", 'auth psk pkcs11 "pkcs11:token=acme;object=psk"\n\t\t\tremote-id')],
     ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("peer-remote-id-dropped", [], [('\t\t\tremote-id "vpn.acme.example"\n', "")], ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("peer-remote-ca-changed", [], [("remote-ca acme-ca", "remote-ca partner-ca")], ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("peer-esp-lifetime-longer", [], [("esp-lifetime 3600", "esp-lifetime 86400")], ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("peer-legacy-set", [], [("esp-lifetime 3600", "esp-lifetime 3600\n\t\t\tlegacy")], ["ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("peer-address-removed", [("address \"203.0.113.10\"", "address \"203.0.113.10\"\n\t\t\taddress \"203.0.113.11\"")], [],
     ["ALL IPSEC_PEER hq CHANGED NARROWS"]),
    ("nic-released", [], [('\t\tnic wired pci-id "8086:15fc"\n', "")], ["ALL NIC wired REMOVED WIDENS"]),
    ("nic-taken-over", [], [('nic wired pci-id "8086:15fc"', 'nic wired pci-id "8086:15fc"\n\t\tnic wifi pci-class "0280"')],
     ["ALL NIC wifi ADDED NARROWS"]),
    ("dma-deny-to-allow", [], [('pci-class "0c0a" deny', 'pci-class "0c0a" allow')], ["ALL DMA_SCOPE thunderbolt CHANGED WIDENS"]),
    ("dma-shadow-only-to-allow", [], [('pci-class "0280" shadow-only', 'pci-class "0280" allow')],
     ["ALL DMA_SCOPE wifi CHANGED WIDENS"]),
    ("dma-allow-to-deny", [('pci-class "0280" shadow-only', 'pci-class "0280" allow')], [('pci-class "0280" shadow-only', 'pci-class "0280" deny')],
     ["ALL DMA_SCOPE wifi CHANGED NARROWS"]),
    ("dma-address-scope-allow-overrides-class-deny", [],
     [('pci-class "0c0a" deny', 'pci-class "0c0a" deny\n\t\tscope egpu pci-address "0000:05:00.0" allow')],
     ["ALL DMA_SCOPE egpu ADDED WIDENS"]),
    ("dma-address-scope-deny", [], [('pci-class "0c0a" deny', 'pci-class "0c0a" deny\n\t\tscope gpu pci-address "0000:01:00.0" deny')],
     ["ALL DMA_SCOPE gpu ADDED NARROWS"]),
    ("iommu-removed", [], [("dma { iommu vt-d protect-hypervisor }", "dma { protect-hypervisor }")], ["ALL IOMMU iommu REMOVED WIDENS"]),
    ("iommu-vendor-switch", [], [("dma { iommu vt-d protect-hypervisor }", "dma { iommu amd-vi protect-hypervisor }")],
     ["ALL IOMMU iommu CHANGED NEUTRAL"]),
    ("protect-hypervisor-dropped", [], [("dma { iommu vt-d protect-hypervisor }", "dma { iommu vt-d }")],
     ["ALL PROTECT_HYPERVISOR protect-hypervisor REMOVED WIDENS"]),
    ("login-password-added", [], [("login { piv-card pin-length", "login { piv-card password pin-length")],
     ["ALL LOGIN_METHODS methods CHANGED WIDENS"]),
    ("login-password-removed", [("login { piv-card pin-length", "login { piv-card password pin-length")], [],
     ["ALL LOGIN_METHODS methods CHANGED NARROWS"]),
    ("pin-min-length-8-to-6", [], [("pin-length 8..12", "pin-length 6..12")], ["ALL PIN_LENGTH pin-length CHANGED WIDENS"]),
    ("pin-max-length-only", [], [("pin-length 8..12", "pin-length 8..16")], ["ALL PIN_LENGTH pin-length CHANGED NEUTRAL"]),
    ("pin-tries-up", [], [("pin-tries 3 trust", "pin-tries 10 trust")], ["LAP PIN_TRIES pin-tries CHANGED WIDENS"]),
    ("login-trust-anchor-added", [], [("trust acme-ca }", "trust acme-ca, partner-ca }")], ["ALL LOGIN_TRUST trust CHANGED WIDENS"]),
    ("trust-anchor-file-changed", [], [('acme-ca file "ca/acme-ca.pem"', 'acme-ca file "ca/acme-ca-2027.pem"')],
     ["ALL LOGIN_TRUST trust CHANGED WIDENS", "ALL IPSEC_PEER hq CHANGED WIDENS"]),
    ("required-group-dropped", [], [("\tlogin { required-group engineers }\n", "")],
     ["LAP REQUIRED_GROUPS required-group REMOVED WIDENS"]),
    ("required-group-narrowed", [], [("login { required-group engineers }", "login { required-group admins }")],
     ["LAP REQUIRED_GROUPS required-group CHANGED NARROWS"]),
    ("device-moved-to-other-profile", [], [("device laptop-002 extends laptop", "device laptop-002 extends kiosk")],
     ["L2 PROFILE extends CHANGED NEUTRAL", "L2 USB_DEFAULT default CHANGED NARROWS",
      "L2 REQUIRED_GROUPS required-group CHANGED NARROWS", "L2 PIN_TRIES pin-tries CHANGED WIDENS"]),
    ("profile-renamed", [], [("profile kiosk extends", "profile booth extends"), ("kiosk-001 extends kiosk", "kiosk-001 extends booth")],
     ["K PROFILE extends CHANGED NEUTRAL"]),
    ("device-renamed", [], [("device laptop-002 extends", "device laptop-003 extends")],
     ["L2 DEVICE laptop-002 REMOVED NEUTRAL", "laptop-003 DEVICE laptop-003 ADDED NEUTRAL"]),
    ("device-added", [], [('device kiosk-001', 'device laptop-004 extends laptop { serial "PF-004" }\ndevice kiosk-001')],
     ["laptop-004 DEVICE laptop-004 ADDED WIDENS"]),
    ("device-removed", [], [('device laptop-002 extends laptop { serial "PF-002" }\n', "")],
     ["L2 DEVICE laptop-002 REMOVED NARROWS"]),
    ("device-overrides-profile-setting", [], [('{ serial "PF-001" }', '{ serial "PF-001" settings { console vga } }')],
     ["L1 CONSOLE console CHANGED NEUTRAL"]),
    ("comments-and-layout-only", [],
     [("fleet acme {", "/* reviewed 2026-11 */\nfleet    acme\n{"),
      ("group admins { holders alice }", "group admins {\n\t// the on-call admin\n\tholders alice\n}"),
      ("match yubikey vendor \"1050\" allow", "match yubikey\n\t\t\tvendor \"1050\"   // Yubico\n\t\t\tallow")],
     []),
    ("reordered-sets-only", [],
     [("holders bob includes admins", "includes admins holders bob"),
      ("trust-anchor acme-ca file \"ca/acme-ca.pem\"\n\ttrust-anchor partner-ca file \"ca/partner-ca.pem\"",
       "trust-anchor partner-ca file \"ca/partner-ca.pem\"\n\ttrust-anchor acme-ca file \"ca/acme-ca.pem\"")],
     []),
    ("log-debug", [], [("log info", "log debug")], ["ALL LOG log CHANGED WIDENS"]),
    ("console-none", [], [("console serial", "console none")], ["ALL CONSOLE console CHANGED NARROWS"]),
    ("oob-management-on", [], [("panic halt }", "panic halt oob-management on }")], ["ALL OOB_MANAGEMENT oob-management ADDED WIDENS"]),
    ("panic-reboot", [], [("panic halt", "panic reboot")], ["ALL PANIC panic CHANGED WIDENS"]),
    ("os-loader-set", [], [("panic halt }", 'panic halt os-loader "\\\\EFI\\\\debian\\\\grubx64.efi" }')],
     ["ALL OS_LOADER os-loader ADDED NEUTRAL"]),
    ("serial-changed", [], [('serial "PF-001"', 'serial "PF-001B"')], ["L1 SERIAL serial CHANGED NEUTRAL"]),
    ("hardware-inventory-changed", [], [('description "Ethernet"', 'description "Ethernet"\n\tpci "0000:00:14.3" id "8086:a0f0" class "0280"')],
     ["ALL HARDWARE_MODEL model CHANGED NEUTRAL"]),
    ("rollback-counter-lowered", [], [("rollback-counter 7", "rollback-counter 6")],
     ["F FLEET_ROLLBACK_COUNTER rollback-counter CHANGED WIDENS"]),
    ("policy-signing-key-replaced", [], [("object=policy", "object=policy-2027")],
     ["F FLEET_SIGNING_KEY policy-signing-key CHANGED WIDENS"]),
    ("secure-boot-key-replaced", [], [("object=secure-boot", "object=secure-boot-2027")],
     ["F FLEET_SECURE_BOOT_KEY secure-boot-key CHANGED WIDENS"]),
    ("runtime-bitvisor", [], [("runtime parapet", 'runtime bitvisor commit "4f2a9c1"')],
     ["F FLEET_RUNTIME runtime CHANGED NEUTRAL"]),
]


def edit(text, replacements, case):
    for old, new in replacements:
        count = text.count(old)
        if count != 1:
            raise SystemExit(f"{case}: {old!r} occurs {count} times")
        text = text.replace(old, new)
    return text


def main():
    corpus = os.path.join(HERE, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    for number, (name, before_edits, after_edits, expected) in enumerate(CASES, 1):
        folder = os.path.join(corpus, f"{number:02d}-{name}")
        os.makedirs(folder)
        before = edit(BASE, before_edits, name)
        after = edit(BASE, after_edits, name)
        open(os.path.join(folder, "before.parapet"), "w").write(before)
        open(os.path.join(folder, "after.parapet"), "w").write(after)
        lines = []
        for line in expected:
            who, rest = line.split(" ", 1)
            for device in GROUPS.get(who, [who]):
                lines.append(f"{device} {rest}")
        with open(os.path.join(folder, "expected"), "w") as out:
            out.write("# device ELEMENT_KIND element CHANGE VERDICT\n")
            out.write("".join(line + "\n" for line in sorted(lines)))
    print(f"{len(CASES)} pairs")


if __name__ == "__main__":
    main()
