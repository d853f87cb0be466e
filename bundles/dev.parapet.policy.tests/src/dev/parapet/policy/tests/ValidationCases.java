// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static dev.parapet.policy.validation.IssueCodes.*;

import java.util.ArrayList;
import java.util.List;

import dev.parapet.policy.fleet.PolicyDiagnostic.Severity;

/**
 * One failing and one passing fleet per validation rule. The failing fleet must report the code
 * with the given severity and a message containing the given text; the passing fleet, a minimal
 * correction of the failing one, must check completely clean.
 */
final class ValidationCases {

	/**
	 * @param code      the PP code under test
	 * @param behaviour what the rule demands, as a sentence
	 * @param failing   a fleet breaking the rule
	 * @param passing   the corrected fleet
	 * @param message   text the failing message contains (it names the element)
	 * @param severity  severity of the finding
	 */
	record Case(String code, String behaviour, Fixture failing, Fixture passing, String message, Severity severity) {
		@Override
		public String toString() {
			return code + " " + behaviour;
		}
	}

	private static final List<Case> CASES = new ArrayList<>();

	private static void error(String code, String behaviour, Fixture failing, Fixture passing, String message) {
		CASES.add(new Case(code, behaviour, failing, passing, message, Severity.ERROR));
	}

	private static void warning(String code, String behaviour, Fixture failing, Fixture passing, String message) {
		CASES.add(new Case(code, behaviour, failing, passing, message, Severity.WARNING));
	}

	private static String device(String body) {
		return "device d2 extends std {\n" + body + "\n}\n";
	}

	private static String peer(String settings) {
		return device("network {\npeer gw {\n" + settings + "\n}\n}");
	}

	private static final String GOOD_PEER = """
			address "192.0.2.1"
			ike-proposal aes-256-gcm prf sha2-256 dh ecp-256
			esp-proposal aes-256-gcm
			auth card-key
			selector local "0.0.0.0/0" remote "10.0.0.0/8"
			""";

	private static final String BITVISOR = "runtime bitvisor commit \"66559d6\"";

	static {
		// ------------------------------------------------------------ 1xxx
		error(UNRESOLVED_REFERENCE, "references name declared elements",
				Fixture.devices("device d2 extends nothere {\n}"), Fixture.devices("device d2 extends std {\n}"),
				"Unknown profile nothere");
		error(UNRESOLVED_IMPORT, "imports name existing files",
				Fixture.base().replace("devices.parapet", "import \"common.parapet\"", "import \"common.parapet\"\nimport \"nothere.parapet\""),
				Fixture.base(), "Imported file nothere.parapet cannot be found");
		error(DUPLICATE_NAME, "names are unique across the fleet", Fixture.devices("profile d1 {\n}"),
				Fixture.devices("profile p1 {\n}"), "Duplicate name d1");
		error(DUPLICATE_RULE_NAME, "rule names are unique within a section",
				Fixture.devices(device("usb {\nmatch a vendor \"0951\" deny\nmatch a vendor \"0781\" deny\n}")),
				Fixture.devices(device("usb {\nmatch a vendor \"0951\" deny\nmatch b vendor \"0781\" deny\n}")),
				"Duplicate USB rule a");
		error(DUPLICATE_SETTING, "a setting is written once per block",
				Fixture.devices(device("login {\npin-tries 3\npin-tries 4\n}")),
				Fixture.devices(device("login {\npin-tries 3\n}")), "Setting pin-tries is written twice in login of device d2");
		error(DUPLICATE_SETTING, "a two-part setting is written once per block",
				Fixture.devices(device("login {\npin-length 4..8\npin-length 5..6\n}")),
				Fixture.devices(device("login {\npin-length 5..6\n}")), "Setting pin-length is written twice in login of device d2");
		error(DUPLICATE_SETTING, "a section is written once per device",
				Fixture.devices(device("settings {\nlog warn\n}\nsettings {\npanic reboot\n}")),
				Fixture.devices(device("settings {\nlog warn\npanic reboot\n}")), "Setting settings is written twice in device d2");
		error(MISSING_SETTING, "the fleet header has a rollback counter",
				Fixture.base().replace("fleet.parapet", "rollback-counter 1", ""), Fixture.base(),
				"Fleet t lacks rollback-counter");
		error(MISSING_SETTING, "a storage key has a strength",
				Fixture.base().replace("common.parapet", "strength xts-128\n", ""), Fixture.base(),
				"Storage key k128 lacks strength");
		error(MISSING_SETTING, "a peer has an address, proposals and authentication",
				Fixture.devices(peer("selector local \"0.0.0.0/0\" remote \"10.0.0.0/8\"")), Fixture.devices(peer(GOOD_PEER)),
				"Peer gw lacks address, ike-proposal, esp-proposal, auth");
		error(MULTIPLE_FLEETS, "a fleet folder holds one fleet",
				Fixture.base().put("other.parapet", Fixture.FLEET.replace("fleet t", "fleet u")), Fixture.base(),
				"One fleet folder holds one fleet");
		error(NO_FLEET, "a fleet folder declares its fleet",
				Fixture.base().remove("fleet.parapet").remove("ca.pem").replace("common.parapet", "import \"fleet.parapet\"", ""),
				Fixture.base(), "declares no fleet");
		error(INHERITANCE_CYCLE, "profiles do not extend themselves",
				Fixture.devices("profile a extends b {\n}\n\nprofile b extends a {\n}"),
				Fixture.devices("profile a {\n}\n\nprofile b extends a {\n}"), "Profile a extends itself through b -> a");
		error(INHERITANCE_CYCLE, "groups do not include themselves",
				Fixture.devices("group g1 {\nholders alice\nincludes g2\n}\n\ngroup g2 {\nincludes g1\n}"),
				Fixture.devices("group g1 {\nholders alice\n}\n\ngroup g2 {\nincludes g1\n}"), "Group g1 includes itself");
		error(SYNTAX_ERROR, "the text follows the grammar", Fixture.devices(device("storage {\ndisk\n}")),
				Fixture.devices(device("storage {\n}")), "mismatched input '}' expecting a name");
		error(SYNTAX_ERROR, "a name starts with a letter or an underscore",
				Fixture.devices("profile 9lives {\n}"), Fixture.devices("profile nine-lives {\n}"),
				"mismatched input '9' expecting a name");
		error(MALFORMED_LITERAL, "numbers fit in 63 bits",
				Fixture.devices(device("login {\npin-tries 99999999999999999999\n}")),
				Fixture.devices(device("login {\npin-tries 3\n}")), "99999999999999999999");
		warning(REDUNDANT_IMPORT, "a file is imported once",
				Fixture.base().replace("devices.parapet", "import \"common.parapet\"", "import \"common.parapet\"\nimport \"common.parapet\""),
				Fixture.base(), "File common.parapet is imported twice");

		// ------------------------------------------------------------ 2xxx
		error(LBA_RANGE_REVERSED, "an LBA range starts before it ends",
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 lba 10..5 plain\n}")),
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 lba 5..10 plain\n}")),
				"LBA range 10..5 of disk x starts after it ends");
		error(LBA_OVERLAP, "storage rules of one disk do not overlap",
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 lba 0..100 plain\ndisk y ahci 0 port 2 lba 50..200 plain\n}")),
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 lba 0..100 plain\ndisk y ahci 0 port 2 lba 101..200 plain\n}")),
				"disk y (device d2) overlaps disk x (device d2) on ahci 0 port 2");
		error(LBA_OVERLAP, "a device's rules do not overlap the rules it inherits",
				Fixture.devices(device("storage {\ndisk boot ahci 0 port 0 lba 0..2047 plain\n}")),
				Fixture.devices(device("storage {\ndisk sys ahci 0 port 0 lba 0..2047 plain\n}")),
				"Device d2: disk sys (profile std) overlaps disk boot (device d2) on ahci 0 port 0");
		error(STORAGE_RULE_UNREACHABLE, "a storage rule is not wholly covered by an earlier one",
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 whole plain\ndisk y ahci 0 port 2 lba 0..10 plain\n}")),
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 whole plain\ndisk y ahci 0 port 3 lba 0..10 plain\n}")),
				"disk y (device d2) is wholly covered by disk x (device d2) on ahci 0 port 2 and never applies");
		error(CONTROLLER_LOCATION_MISMATCH, "an ATA disk is located by channel and drive",
				Fixture.devices(device("storage {\ndisk x ata 0 port 1 whole plain\n}")),
				Fixture.devices(device("storage {\ndisk x ata 0 channel 0 master whole plain\n}")),
				"Disk x (ata) is located by 'channel <0|1> master|slave'");
		error(CIPHER_KEY_STRENGTH_MISMATCH, "aes-xts-256 encrypts with an xts-256 key",
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 whole encrypt aes-xts-256 key k128\n}")),
				Fixture.devices(device("storage {\ndisk x ahci 0 port 2 whole encrypt aes-xts-256 key k256\n}")),
				"Cipher aes-xts-256 needs an xts-256 key; storage key k128 is xts-128");

		// ------------------------------------------------------------ 3xxx
		error(MALFORMED_USB_VENDOR, "USB vendor ids are 4 hexadecimal digits",
				Fixture.devices(device("usb {\nmatch a vendor \"95\" deny\n}")),
				Fixture.devices(device("usb {\nmatch a vendor \"0951\" deny\n}")),
				"USB rule a: vendor id \"95\" is not 4 hexadecimal digits");
		error(MALFORMED_USB_PRODUCT, "USB product ids are 4 hexadecimal digits",
				Fixture.devices(device("usb {\nmatch a vendor \"0951\" product \"1g66\" deny\n}")),
				Fixture.devices(device("usb {\nmatch a vendor \"0951\" product \"1666\" deny\n}")),
				"USB rule a: product id \"1g66\"");
		error(MALFORMED_USB_CLASS, "USB classes are 2 hexadecimal digits",
				Fixture.devices(device("usb {\nmatch a class \"8\" deny\n}")),
				Fixture.devices(device("usb {\nmatch a class \"08\" deny\n}")), "USB rule a: class \"8\"");
		error(USB_RULE_SHADOWED, "a USB rule is not shadowed by an earlier, more general one",
				Fixture.devices(device("usb {\nmatch a vendor \"0951\" deny\nmatch b vendor \"0951\" product \"1666\" allow\n}")),
				Fixture.devices(device("usb {\nmatch b vendor \"0951\" product \"1666\" allow\nmatch a vendor \"0951\" deny\n}")),
				"USB rule b is shadowed by the earlier, more general rule a");
		error(USB_RULE_SHADOWED, "a device's USB rules do not shadow the rules it inherits",
				Fixture.devices("profile p extends std {\nusb {\nmatch specific vendor \"0951\" product \"1666\" allow\n}\n}\n\n"
						+ "device d2 extends p {\nusb {\nmatch general vendor \"0951\" deny\n}\n}"),
				Fixture.devices("profile p extends std {\nusb {\nmatch general vendor \"0951\" deny\n}\n}\n\n"
						+ "device d2 extends p {\nusb {\nmatch specific vendor \"0951\" product \"1666\" allow\n}\n}"),
				"Device d2: USB rule specific (profile p) is shadowed by the earlier, more general USB rule general (device d2)");
		warning(USB_RULE_MATCHES_ALL, "a USB rule has criteria",
				Fixture.devices(device("usb {\nmatch every deny\n}")),
				Fixture.devices(device("usb {\nmatch every vendor \"0951\" deny\n}")),
				"USB rule every matches every USB stick");
		error(USB_PRODUCT_WITHOUT_VENDOR, "a USB product is named with its vendor",
				Fixture.devices(device("usb {\nmatch a product \"1666\" deny\n}")),
				Fixture.devices(device("usb {\nmatch a vendor \"0951\" product \"1666\" deny\n}")),
				"USB rule a names a product without a vendor");

		// ------------------------------------------------------------ 4xxx
		error(WEAK_ALGORITHM, "IKE proposals use strong algorithms",
				Fixture.devices(peer(GOOD_PEER.replace("ike-proposal aes-256-gcm prf sha2-256 dh ecp-256",
						"ike-proposal 3des-cbc integrity hmac-sha2-256 prf sha2-256 dh ecp-256"))),
				Fixture.devices(peer(GOOD_PEER.replace("ike-proposal aes-256-gcm prf sha2-256 dh ecp-256",
						"ike-proposal aes-256-cbc integrity hmac-sha2-256 prf sha2-256 dh ecp-256"))),
				"Peer gw: 3des-cbc is too weak");
		error(WEAK_ALGORITHM, "weak algorithms need a legacy peer on the bitvisor runtime",
				Fixture.devices(peer(GOOD_PEER + "esp-proposal aes-128-cbc integrity hmac-sha1 pfs modp-1024\n"))
						.replace("fleet.parapet", "runtime parapet", BITVISOR),
				Fixture.devices(peer(GOOD_PEER + "esp-proposal aes-128-cbc integrity hmac-sha1 pfs modp-1024\nlegacy\n"))
						.replace("fleet.parapet", "runtime parapet", BITVISOR),
				"Peer gw: hmac-sha1 is too weak");
		error(LEGACY_NOT_ALLOWED, "legacy peers need the bitvisor runtime",
				Fixture.devices(peer(GOOD_PEER + "legacy\n")),
				Fixture.devices(peer(GOOD_PEER + "legacy\n")).replace("fleet.parapet", "runtime parapet", BITVISOR),
				"Peer gw is marked legacy");
		error(GCM_WITH_INTEGRITY, "AES-GCM proposals name no integrity algorithm",
				Fixture.devices(peer(GOOD_PEER.replace("esp-proposal aes-256-gcm", "esp-proposal aes-256-gcm integrity hmac-sha2-256"))),
				Fixture.devices(peer(GOOD_PEER)), "Peer gw: aes-256-gcm authenticates itself");
		error(CBC_WITHOUT_INTEGRITY, "AES-CBC proposals name an integrity algorithm",
				Fixture.devices(peer(GOOD_PEER.replace("esp-proposal aes-256-gcm", "esp-proposal aes-256-cbc"))),
				Fixture.devices(peer(GOOD_PEER.replace("esp-proposal aes-256-gcm", "esp-proposal aes-256-cbc integrity hmac-sha2-512"))),
				"Peer gw: aes-256-cbc needs an integrity algorithm");
		error(MALFORMED_IP, "peer addresses are IPv4 or IPv6 addresses",
				Fixture.devices(peer(GOOD_PEER.replace("192.0.2.1", "192.0.2.300"))), Fixture.devices(peer(GOOD_PEER)),
				"Peer gw: \"192.0.2.300\" is not an IPv4 or IPv6 address");
		error(MALFORMED_IP, "selector prefixes are well formed",
				Fixture.devices(peer(GOOD_PEER.replace("selector local \"0.0.0.0/0\" remote \"10.0.0.0/8\"",
						"selector local \"::/0\" remote \"2001:db8::/129\""))),
				Fixture.devices(peer(GOOD_PEER.replace("selector local \"0.0.0.0/0\" remote \"10.0.0.0/8\"",
						"selector local \"::/0\" remote \"2001:db8::/32\""))),
				"\"2001:db8::/129\" is not an IPv4 or IPv6 address or prefix");
		error(PEER_WITHOUT_SELECTORS, "peers have traffic selectors",
				Fixture.devices(peer(GOOD_PEER.replace("selector local \"0.0.0.0/0\" remote \"10.0.0.0/8\"", ""))),
				Fixture.devices(peer(GOOD_PEER)), "Peer gw has no traffic selector");
		error(ENCRYPT_ALL_WITHOUT_PEER, "encrypt-all needs a NIC and a peer",
				Fixture.devices(device("network {\nencrypt-all\n}")),
				Fixture.devices(device("network {\nnic eth pci-id \"8086:1229\"\nencrypt-all\npeer gw {\n" + GOOD_PEER + "}\n}")),
				"Device d2 sets encrypt-all but has no NIC");
		error(SELECTOR_FAMILY_MISMATCH, "a traffic selector stays within one address family",
				Fixture.devices(peer(GOOD_PEER.replace("remote \"10.0.0.0/8\"", "remote \"::/0\""))),
				Fixture.devices(peer(GOOD_PEER)), "Peer gw: a traffic selector mixes IPv4 and IPv6");
		error(PORT_WITHOUT_TRANSPORT, "ports go with tcp or udp",
				Fixture.devices(device("network {\nbypass dhcp icmp port 67\n}")),
				Fixture.devices(device("network {\nbypass dhcp udp port 67\n}")), "Bypass dhcp: a port needs protocol tcp or udp");
		error(LIFETIME_OUT_OF_RANGE, "SA lifetimes are at least a minute",
				Fixture.devices(peer(GOOD_PEER + "ike-lifetime 30\n")), Fixture.devices(peer(GOOD_PEER + "ike-lifetime 3600\n")),
				"Peer gw: ike-lifetime 30 is shorter than 60 seconds");

		// ------------------------------------------------------------ 5xxx
		error(MALFORMED_PCI_ADDRESS, "PCI addresses are bus:dev.fn with dev at most 1f",
				Fixture.devices(device("dma {\nscope s pci-address \"00:20.0\" deny\n}")),
				Fixture.devices(device("dma {\nscope s pci-address \"00:1f.2\" deny\n}")), "\"00:20.0\" is not a PCI address");
		error(MALFORMED_PCI_ID, "PCI ids are vvvv:dddd",
				Fixture.devices(device("dma {\nscope s pci-id \"8086:12\" deny\n}")),
				Fixture.devices(device("dma {\nscope s pci-id \"8086:1229\" deny\n}")), "\"8086:12\" is not a PCI id");
		error(MALFORMED_PCI_CLASS, "PCI classes are 4 hexadecimal digits",
				Fixture.devices(device("dma {\nscope s pci-class \"02\" deny\n}")),
				Fixture.devices(device("dma {\nscope s pci-class \"0200\" deny\n}")), "\"02\" is not a PCI class");
		error(CONFLICTING_DMA_SCOPE, "two scopes with one selector agree on the action",
				Fixture.devices(device("dma {\nscope a pci-id \"8086:1229\" allow\nscope b pci-id \"8086:1229\" deny\n}")),
				Fixture.devices(device("dma {\nscope a pci-id \"8086:2922\" allow\nscope b pci-id \"8086:1229\" deny\n}")),
				"DMA scope b selects the same devices as a but deny instead of allow");
		error(OVERLAPPING_DMA_SCOPE, "scopes naming the same inventory device agree on the action",
				Fixture.devices(device("dma {\nscope a pci-address \"00:02.0\" allow\nscope b pci-id \"8086:1229\" deny\n}")),
				Fixture.devices(device("dma {\nscope a pci-address \"00:02.0\" deny\nscope b pci-id \"8086:1229\" deny\n}")),
				"Device d2: PCI device 00:02.0 (8086:1229) is selected by DMA scope a (device d2) (allow) and DMA scope b (device d2) (deny)");
		warning(SELECTOR_NOT_IN_INVENTORY, "scopes select devices of the hardware model",
				Fixture.devices(device("dma {\nscope a pci-id \"1234:5678\" deny\n}")),
				Fixture.devices(device("dma {\nscope a pci-id \"8086:1229\" deny\n}")),
				"Device d2: DMA scope a (device d2) selects no PCI device of hardware hw");
		error(DMAR_SCOPE_UNKNOWN_DEVICE, "DMAR scopes name inventory devices",
				Fixture.devices("hardware hw2 {\npci \"00:02.0\" id \"8086:1229\"\ndmar gfx base \"0xfed91000\" scope \"00:03.0\"\n}"),
				Fixture.devices("hardware hw2 {\npci \"00:02.0\" id \"8086:1229\"\ndmar gfx base \"0xfed91000\" scope \"00:02.0\"\n}"),
				"DMAR unit gfx names PCI device 00:03.0, which hardware hw2 does not list");
		error(DUPLICATE_PCI_ADDRESS, "an inventory lists each PCI address once",
				Fixture.devices("hardware hw2 {\npci \"00:02.0\" id \"8086:1229\"\npci \"0000:00:02.0\" id \"8086:2922\"\n}"),
				Fixture.devices("hardware hw2 {\npci \"00:02.0\" id \"8086:1229\"\npci \"00:03.0\" id \"8086:2922\"\n}"),
				"Hardware hw2 lists PCI address 0000:00:02.0 twice");
		error(DMA_WITHOUT_IOMMU, "DMA scopes need an IOMMU",
				Fixture.devices(device("dma {\nscope a pci-id \"8086:1229\" deny\n}"))
						.replace("fleet.parapet", "iommu vt-d", "protect-hypervisor").replace("fleet.parapet", "protect-hypervisor", ""),
				Fixture.devices(device("dma {\nscope a pci-id \"8086:1229\" deny\n}")),
				"Device d2 has DMA scopes or protect-hypervisor but no iommu");
		error(MALFORMED_DMAR_BASE, "DMAR bases are 4 KiB aligned hexadecimal addresses",
				Fixture.base().replace("common.parapet", "0xfed90000", "0xfed90001"), Fixture.base(),
				"DMAR unit main: base \"0xfed90001\" is not a 4 KiB aligned");

		// ------------------------------------------------------------ 6xxx
		error(NO_AUTHENTICATION, "every device authenticates its user at boot",
				Fixture.base().replace("fleet.parapet", "piv-card", "pin-tries 3"), Fixture.base(),
				"Device d1 has no login method");
		error(PIN_LENGTH_RANGE, "PIV PINs are 4 to 8 digits",
				Fixture.devices(device("login {\npin-length 3..8\n}")), Fixture.devices(device("login {\npin-length 4..8\n}")),
				"pin-length 3..8 in login of device d2");
		error(PIN_TRIES_RANGE, "PIN tries lie within 1..15",
				Fixture.devices(device("login {\npin-tries 16\n}")), Fixture.devices(device("login {\npin-tries 15\n}")),
				"pin-tries 16 in login of device d2");
		warning(PASSWORD_WEAKENS, "password login is flagged as weaker",
				Fixture.devices(device("login {\npiv-card\npassword\n}")), Fixture.devices(device("login {\npiv-card\n}")),
				"Password login in login of device d2 weakens boot authentication");
		error(CARD_LOGIN_WITHOUT_TRUST, "card login has a trust anchor",
				Fixture.base().replace("fleet.parapet", "trust-anchor ca file \"ca.pem\"", ""), Fixture.base(),
				"Device d1 logs in with piv-card but no trust anchor");
		error(DUPLICATE_LOGIN_METHOD, "a login method is listed once",
				Fixture.devices(device("login {\npiv-card\npiv-card\n}")), Fixture.devices(device("login {\npiv-card\n}")),
				"Login method piv-card is written twice");
		error(REQUIRED_GROUP_WITHOUT_CARD, "a required group goes with card login",
				Fixture.devices(device("login {\npassword\nrequired-group staff\n}")),
				Fixture.devices(device("login {\npiv-card\nrequired-group staff\n}")),
				"Device d2 requires group staff but has no piv-card login");
		error(REQUIRED_GROUP_EMPTY, "a required group has holders",
				Fixture.devices("group nobody {\n}\n\n" + device("login {\nrequired-group nobody\n}")),
				Fixture.devices("group somebody {\nincludes staff\n}\n\n" + device("login {\nrequired-group somebody\n}")),
				"Required group nobody has no holders");

		// ------------------------------------------------------------ 7xxx
		warning(UNUSED_STORAGE_KEY, "every storage key is used",
				Fixture.devices("storage-key spare {\nstrength xts-256\norigin generated\nwrap-to staff\n}"),
				Fixture.devices("storage-key spare {\nstrength xts-256\norigin generated\nwrap-to staff\n}\n\n"
						+ device("usb {\nmatch stick vendor \"0951\" encrypt aes-xts-256 key spare\n}")),
				"Storage key spare is never used");
		error(KEY_WRAPPED_TO_EMPTY_GROUP, "keys are wrapped to groups with holders",
				Fixture.base().append("common.parapet", "group nobody {\n}\n").replace("common.parapet", "origin generated\n\twrap-to staff\n}\n\nstorage-key k128", "origin generated\n\twrap-to staff, nobody\n}\n\nstorage-key k128"),
				Fixture.base(), "Storage key k256 is wrapped to group nobody, which has no holders");
		error(ESCROW_WITHOUT_CERTIFICATE, "escrowed keys name a recovery certificate",
				Fixture.base().replace("common.parapet", "strength xts-128\n\torigin generated", "strength xts-128\n\torigin escrowed"),
				Fixture.base().replace("common.parapet", "strength xts-128\n\torigin generated", "strength xts-128\n\torigin escrowed\n\tescrow rc")
						.append("common.parapet", "recovery-certificate rc file \"ca.pem\"\n"),
				"Storage key k128 is escrowed but names no recovery certificate");
		error(KEY_NOT_WRAPPED, "keys are wrapped to a group",
				Fixture.devices("storage-key spare {\nstrength xts-256\norigin generated\n}\n\n"
						+ device("usb {\nmatch stick vendor \"0951\" encrypt aes-xts-256 key spare\n}")),
				Fixture.devices("storage-key spare {\nstrength xts-256\norigin generated\nwrap-to staff\n}\n\n"
						+ device("usb {\nmatch stick vendor \"0951\" encrypt aes-xts-256 key spare\n}")),
				"Storage key spare is wrapped to no group");
		error(MALFORMED_PKCS11_URI, "PKCS#11 URIs follow RFC 7512",
				Fixture.base().replace("fleet.parapet", "object=sign;type=private", "object=sign;bogus=1"), Fixture.base(),
				"unknown attribute bogus");
		error(PKCS11_URI_WITH_SECRET, "PKCS#11 URIs never carry a PIN",
				Fixture.base().replace("fleet.parapet", "type=private\"", "type=private?pin-value=1234\""),
				Fixture.base().replace("fleet.parapet", "type=private\"", "type=private?pin-source=file:/etc/parapet/pin\""),
				"PKCS#11 URI carries a PIN");
		warning(PKCS12_FILE_MISSING, "PKCS#12 files exist next to the policy",
				Fixture.base().replace("fleet.parapet", "rollback-counter 1", "rollback-counter 1\n\tsecure-boot-key pkcs12 \"sb.p12\" alias \"db\""),
				Fixture.base().replace("fleet.parapet", "rollback-counter 1", "rollback-counter 1\n\tsecure-boot-key pkcs12 \"sb.p12\" alias \"db\"")
						.put("sb.p12", "placeholder\n"),
				"PKCS#12 file sb.p12 does not exist");
		warning(CERTIFICATE_FILE_MISSING, "certificate files exist next to the policy",
				Fixture.base().replace("fleet.parapet", "\"ca.pem\"", "\"pki/ca.pem\""),
				Fixture.base().replace("fleet.parapet", "\"ca.pem\"", "\"pki/ca.pem\"").put("pki/ca.pem", Fixture.CERTIFICATE),
				"Certificate file pki/ca.pem of trust anchor ca does not exist");
		error(NOT_A_CERTIFICATE, "certificate files hold an X.509 certificate",
				Fixture.base().put("ca.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"),
				Fixture.base(), "Certificate file ca.pem of trust anchor ca holds no X.509 certificate");
		error(UNKNOWN_BITVISOR_COMMIT, "the bitvisor runtime names a supported commit",
				Fixture.base().replace("fleet.parapet", "runtime parapet", "runtime bitvisor commit \"1234567\""),
				Fixture.base().replace("fleet.parapet", "runtime parapet", BITVISOR), "BitVisor commit 1234567 is not one Parapet supports");
		error(MALFORMED_CARD_UID, "card UIDs are 4 to 10 bytes in hexadecimal",
				Fixture.devices("holder bob {\ncard \"XYZ\"\n}"), Fixture.devices("holder bob {\ncard \"0A0B0C0D\"\n}"),
				"Holder bob: card UID \"XYZ\"");
		error(DUPLICATE_CARD, "a card belongs to one holder",
				Fixture.devices("holder bob {\ncard \"01020304\"\n}"), Fixture.devices("holder bob {\ncard \"01020305\"\n}"),
				"Card 01020304 of holder bob is also listed for holder alice");
		warning(ESCROW_NOT_ESCROWED, "a recovery certificate goes with an escrowed origin",
				Fixture.base().replace("common.parapet", "strength xts-128\n\torigin generated", "strength xts-128\n\torigin generated\n\tescrow rc")
						.append("common.parapet", "recovery-certificate rc file \"ca.pem\"\n"),
				Fixture.base().replace("common.parapet", "strength xts-128\n\torigin generated", "strength xts-128\n\torigin escrowed\n\tescrow rc")
						.append("common.parapet", "recovery-certificate rc file \"ca.pem\"\n"),
				"Storage key k128 names a recovery certificate but its origin is not escrowed");

		// ------------------------------------------------------------ 8xxx
		error(VALUE_OUT_OF_RANGE, "the rollback counter fits in 32 bits",
				Fixture.base().replace("fleet.parapet", "rollback-counter 1", "rollback-counter 4294967296"),
				Fixture.base().replace("fleet.parapet", "rollback-counter 1", "rollback-counter 4294967295"),
				"The rollback-counter of fleet t is 4294967296; the policy format holds at most 4294967295");
		error(VALUE_OUT_OF_RANGE, "ATA channels are 0 or 1",
				Fixture.devices(device("storage {\ndisk x ata 0 channel 2 master whole plain\n}")),
				Fixture.devices(device("storage {\ndisk x ata 0 channel 1 master whole plain\n}")),
				"The ATA channel of disk x is 2; the policy format holds at most 1");
		error(TOO_MANY_STORAGE_RULES, "a device has at most 64 storage rules",
				Fixture.devices(device("storage {\n" + disks(63) + "}")), Fixture.devices(device("storage {\n" + disks(62) + "}")),
				"Device d2 has 65 storage rules; the runtime holds at most 64");
		error(TOO_MANY_ENTRIES, "a device has at most 4096 USB rules",
				Fixture.devices(device("usb {\n" + usbRules(4097) + "}")), Fixture.devices(device("usb {\n" + usbRules(4096) + "}")),
				"device d2 has 4097 USB rules; the policy format holds at most 4096");
		error(TEXT_TOO_LONG, "texts are at most 4096 bytes",
				Fixture.devices(device("serial \"" + "S".repeat(4097) + "\"")),
				Fixture.devices(device("serial \"" + "S".repeat(4096) + "\"")),
				"Text of serial in device d2 is 4097 bytes");
	}

	private static String disks(int count) {
		StringBuilder disks = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			disks.append("disk x").append(i).append(" ahci ").append(i).append(" port 0 whole plain\n");
		}
		return disks.toString();
	}

	private static String usbRules(int count) {
		StringBuilder rules = new StringBuilder();
		for (int i = 0; i < count; i++) {
			rules.append(String.format("match u%d vendor \"%04x\" deny%n", i, i));
		}
		return rules.toString();
	}

	private ValidationCases() {
	}

	static List<Case> all() {
		return List.copyOf(CASES);
	}
}
