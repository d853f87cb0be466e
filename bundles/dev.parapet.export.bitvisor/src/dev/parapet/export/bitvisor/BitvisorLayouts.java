// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parapet.export.bitvisor.ConfigField.Kind;

/**
 * The layouts of the BitVisor commits Parapet can export to. Facts from
 * /work/shared/notes/bitvisor-config.md (mirror matsu/bitvisor, checked by compiling the header):
 * the layout changes between commits and the hypervisor panics unless {@code len} equals its own
 * sizeof, so only named commits are accepted.
 */
public final class BitvisorLayouts {

	/** Mirror commit 66559d6 (2026-05-14): sizeof(struct config_data) = 80936. */
	public static final String COMMIT_66559D6 = "66559d6";

	private static final String[][] VPN_FIELDS = {
			{ "mode", "16" }, { "virtualGatewayMacAddress", "32" }, { "bindV4", "8" }, { "guestIpAddressV4", "32" },
			{ "guestIpSubnetV4", "32" }, { "guestMtuV4", "16" }, { "guestVirtualGatewayIpAddressV4", "32" },
			{ "dhcpV4", "8" }, { "dhcpLeaseExpiresV4", "16" }, { "dhcpDnsV4", "32" }, { "dhcpDomainV4", "256" },
			{ "adjustTcpMssV4", "16" }, { "hostIpAddressV4", "32" }, { "hostIpSubnetV4", "32" }, { "hostMtuV4", "16" },
			{ "hostIpDefaultGatewayV4", "32" }, { "optionV4ArpExpires", "16" }, { "optionV4ArpDontUpdateExpires", "8" },
			{ "vpnGatewayAddressV4", "32" }, { "vpnAuthMethodV4", "16" }, { "vpnPasswordV4", "1024" },
			{ "vpnIdStringV4", "1024" }, { "vpnCertV4", "4096" }, { "vpnCaCertV4", "4096" }, { "vpnRsaKeyV4", "4096" },
			{ "vpnSpecifyIssuerV4", "8" }, { "vpnPhase1ModeV4", "16" }, { "vpnPhase1CryptoV4", "16" },
			{ "vpnPhase1HashV4", "16" }, { "vpnPhase1LifeSecondsV4", "16" }, { "vpnPhase1LifeKilobytesV4", "16" },
			{ "vpnWaitPhase2BlankSpanV4", "16" }, { "vpnPhase2CryptoV4", "16" }, { "vpnPhase2HashV4", "16" },
			{ "vpnPhase2LifeSecondsV4", "16" }, { "vpnPhase2LifeKilobytesV4", "16" }, { "vpnConnectTimeoutV4", "16" },
			{ "vpnIdleTimeoutV4", "16" }, { "vpnPingTargetV4", "32" }, { "vpnPingIntervalV4", "16" },
			{ "vpnPingMsgSizeV4", "16" }, { "bindV6", "8" }, { "guestIpAddressPrefixV6", "64" },
			{ "guestIpAddressSubnetV6", "16" }, { "guestMtuV6", "16" }, { "guestVirtualGatewayIpAddressV6", "64" },
			{ "raV6", "8" }, { "raLifetimeV6", "16" }, { "raDnsV6", "64" }, { "hostIpAddressV6", "64" },
			{ "hostIpAddressSubnetV6", "16" }, { "hostMtuV6", "16" }, { "hostIpDefaultGatewayV6", "64" },
			{ "optionV6NeighborExpires", "16" }, { "vpnGatewayAddressV6", "64" }, { "vpnAuthMethodV6", "16" },
			{ "vpnPasswordV6", "1024" }, { "vpnIdStringV6", "1024" }, { "vpnCertV6", "4096" }, { "vpnCaCertV6", "4096" },
			{ "vpnRsaKeyV6", "4096" }, { "vpnSpecifyIssuerV6", "8" }, { "vpnPhase1ModeV6", "16" },
			{ "vpnPhase1CryptoV6", "16" }, { "vpnPhase1HashV6", "16" }, { "vpnPhase1LifeSecondsV6", "16" },
			{ "vpnPhase1LifeKilobytesV6", "16" }, { "vpnWaitPhase2BlankSpanV6", "16" }, { "vpnPhase2CryptoV6", "16" },
			{ "vpnPhase2HashV6", "16" }, { "vpnPhase2LifeSecondsV6", "16" }, { "vpnPhase2LifeKilobytesV6", "16" },
			{ "vpnPhase2StrictIdV6", "8" }, { "vpnConnectTimeoutV6", "16" }, { "vpnIdleTimeoutV6", "16" },
			{ "vpnPingTargetV6", "64" }, { "vpnPingIntervalV6", "16" }, { "vpnPingMsgSizeV6", "16" } };

	/** The 15 ints after vmm.randomSeed, in struct order. */
	private static final String[] VMM_INTS = { "f11panic", "f12msg", "auto_reboot", "panic_reboot", "shell", "dbgsh",
			"telnet_dbgsh", "status", "boot_active", "no_intr_intercept", "ignore_tsc_invariant",
			"unsafe_nested_virtualization", "conceal_hw_feedback", "allow_pt", "localapic_intercept" };

	private BitvisorLayouts() {
	}

	/** The commits Parapet knows, for messages. */
	public static List<String> known() {
		return List.of(COMMIT_66559D6);
	}

	/**
	 * @param commit an abbreviated commit hash as the mirror shows it
	 * @throws UnknownCommitException for every commit but the named ones
	 */
	public static BitvisorLayout forCommit(String commit) throws UnknownCommitException {
		if (commit != null && commit.toLowerCase(Locale.ROOT).equals(COMMIT_66559D6)) {
			return layout66559d6();
		}
		throw new UnknownCommitException("Unknown BitVisor commit \"" + commit + "\": the config_data layout changes "
				+ "between commits and the hypervisor refuses a wrong size; known commits: " + String.join(", ", known()));
	}

	private static BitvisorLayout layout66559d6() {
		List<FieldGroup> groups = List.of(new FieldGroup("len", 0, 4), new FieldGroup("idman", 4, 24656),
				new FieldGroup("vpn", 24660, 30432), new FieldGroup("ip", 55092, 16), new FieldGroup("tls", 55108, 12288),
				new FieldGroup("storage", 67396, 5408), new FieldGroup("vmm", 72804, 7308), new FieldGroup("wg", 80112, 124),
				new FieldGroup("wg_gos", 80236, 140), new FieldGroup("usbr", 80376, 560));
		Map<String, ConfigField> fields = new HashMap<>();
		int idman = 4;
		String[] files = { "crl01", "crl02", "crl03", "pkc01", "pkc02", "pkc03" };
		for (int i = 0; i < files.length; i++) {
			put(fields, "idman." + files[i] + "File", idman + i * 4096, 4096, Kind.FILE);
		}
		put(fields, "idman.randomSeedSize", idman + 24640, 4, Kind.U32);
		put(fields, "idman.maxPinLen", idman + 24644, 4, Kind.U32);
		put(fields, "idman.minPinLen", idman + 24648, 4, Kind.U32);
		put(fields, "idman.authenticationMethod", idman + 24652, 4, Kind.AUTH_METHOD);
		int offset = 24660;
		for (String[] field : VPN_FIELDS) {
			int size = Integer.parseInt(field[1]);
			put(fields, "vpn." + field[0], offset, size, Kind.STRING);
			offset += size;
		}
		if (offset != 24660 + 30432) {
			throw new IllegalStateException("vpn fields do not add up to the group size");
		}
		put(fields, "ip.use_dhcp", 55092 + 12, 4, Kind.U32);
		int storage = 67396;
		for (int i = 0; i < 16; i++) {
			put(fields, "storage.encryptionKey" + i + ".place", storage + i * 32, 32, Kind.FILE);
			int conf = storage + 512 + i * 306;
			String prefix = "storage.conf" + i + ".";
			put(fields, prefix + "type", conf + 16, 4, Kind.STORAGE_TYPE);
			put(fields, prefix + "host_id", conf + 20, 1, Kind.U8);
			put(fields, prefix + "device_id", conf + 21, 2, Kind.U16);
			put(fields, prefix + "lba_low", conf + 23, 8, Kind.U64);
			put(fields, prefix + "lba_high", conf + 31, 8, Kind.U64);
			put(fields, prefix + "crypto_name", conf + 39, 8, Kind.STRING);
			put(fields, prefix + "keyindex", conf + 47, 1, Kind.U8);
			put(fields, prefix + "keybits", conf + 48, 2, Kind.U16);
			put(fields, prefix + "extend", conf + 50, 256, Kind.STRING);
		}
		int vmm = 72804;
		for (int i = 0; i < VMM_INTS.length; i++) {
			put(fields, "vmm." + VMM_INTS[i], vmm + 1024 + i * 4, 4, Kind.U32);
		}
		// the 60 bytes after the ints (tty and driver ints) are not described in the note; the four
		// driver strings, iccard and tty_syslog end the group at 7308, so the strings start at 1144
		put(fields, "vmm.driver.pci_conceal", vmm + 1144, 1024, Kind.STRING);
		put(fields, "vmm.driver.pci", vmm + 2168, 2048, Kind.STRING);
		put(fields, "vmm.driver.pci_virtual", vmm + 4216, 1024, Kind.STRING);
		put(fields, "vmm.driver.usb", vmm + 5240, 2048, Kind.STRING);
		put(fields, "vmm.iccard.enable", vmm + 7288, 4, Kind.U32);
		put(fields, "vmm.iccard.status", vmm + 7292, 4, Kind.U32);
		return new BitvisorLayout(COMMIT_66559D6, 80936, groups, fields);
	}

	private static void put(Map<String, ConfigField> fields, String key, int offset, int size, Kind kind) {
		fields.put(key.toLowerCase(Locale.ROOT), new ConfigField(key, offset, size, kind));
	}
}
