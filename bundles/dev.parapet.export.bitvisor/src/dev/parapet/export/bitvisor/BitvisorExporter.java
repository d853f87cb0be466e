// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.util.ArrayList;
import java.util.List;

import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.compiler.model.DevicePolicy.Bypass;
import dev.parapet.compiler.model.DevicePolicy.DmaScope;
import dev.parapet.compiler.model.DevicePolicy.Nic;
import dev.parapet.compiler.model.DevicePolicy.Peer;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.compiler.model.Sourced;
import dev.parapet.export.bitvisor.ExportElement.Outcome;
import dev.parapet.export.bitvisor.internal.StoragePlanner;
import dev.parapet.policy.policy.PanicAction;

/**
 * Plans the export of one device policy to stock BitVisor at a named commit: which bitvisor.conf
 * entries express it, and every element stock BitVisor cannot express (it is then weakened or
 * dropped). Only storage encryption, USB sticks encrypted by vendor/product and the panic action
 * map; the rest of a Parapet policy has no stock equivalent (docs/formats.md 6).
 */
public final class BitvisorExporter {

	private final BitvisorLayout layout;

	public BitvisorExporter(BitvisorLayout layout) {
		this.layout = layout;
	}

	public ExportPlan plan(DevicePolicy policy) {
		List<ExportElement> elements = new ArrayList<>();
		List<ConfigEntry> entries = new ArrayList<>();
		policy.boundSerial().ifPresent(serial -> degraded(elements, "serial " + serial.value(), serial.source(),
				"stock BitVisor does not bind its configuration to a machine"));
		StoragePlanner storage = new StoragePlanner();
		storage.plan(policy);
		elements.addAll(storage.elements());
		entries.addAll(storage.entries());
		for (var slot : policy.keySlots()) {
			boolean placed = storage.keys().stream().anyMatch(k -> k.keyId().equals(slot.keyId()));
			elements.add(new ExportElement("storage-key " + slot.keyId(), slot.source(),
					placed ? Outcome.MAPPED : Outcome.DEGRADED,
					placed ? "key slots " + storage.keys().stream().filter(k -> k.keyId().equals(slot.keyId()))
							.map(k -> Integer.toString(k.slot())).toList()
							+ "; the key sits in the configuration itself, not wrapped to cards"
							: "not used by any exported range"));
		}
		for (ExportPlan.KeyPlacement key : storage.keys()) {
			entries.add(new ConfigEntry("storage.encryptionKey" + key.slot() + ".place", key.file()));
		}
		var usbDefault = policy.usb().defaultAction();
		degraded(elements, "usb default " + usbDefault.kind().name().toLowerCase().replace('_', '-'), usbDefault.source(),
				"stock BitVisor has no default rule: unmatched USB storage passes through unencrypted");
		network(policy, elements);
		dma(policy, elements);
		login(policy, elements);
		settings(policy, elements, entries);
		return new ExportPlan(policy.deviceId(), layout, entries, elements, storage.keys());
	}

	private static void network(DevicePolicy policy, List<ExportElement> elements) {
		for (Nic nic : policy.network().nics()) {
			degraded(elements, "nic " + nic.name(), nic.source(),
					"without an exportable IPsec peer, net=vpn would cut the NIC off; no driver line is written");
		}
		if (policy.network().encryptAll().value()) {
			degraded(elements, "encrypt-all", policy.network().encryptAll().source(),
					"stock BitVisor cannot force every packet through IPsec with Parapet's peers");
		}
		for (Peer peer : policy.network().peers()) {
			degraded(elements, "peer " + peer.name(), peer.source(), "stock BitVisor speaks IKEv1 with 3DES/DES and SHA-1 "
					+ "only (no AES-GCM, no IKEv2) and keeps VPN secrets in plain configuration text; Parapet never downgrades");
		}
		for (Bypass bypass : policy.network().bypasses()) {
			degraded(elements, "bypass " + bypass.name(), bypass.source(), "no bypass rules in stock BitVisor's VPN");
		}
	}

	private static void dma(DevicePolicy policy, List<ExportElement> elements) {
		Sourced<?> iommu = policy.dma().iommu();
		if (policy.dma().iommu().value().isPresent()) {
			degraded(elements, "iommu " + policy.dma().iommu().value().get().getLiteral(), iommu.source(),
					"VT-d is a build option of BitVisor (DISABLE_VTD on by default, VTD_TRANS experimental), not "
							+ "configuration; AMD-Vi is not supported");
		}
		if (policy.dma().protectHypervisor().value()) {
			degraded(elements, "protect-hypervisor", policy.dma().protectHypervisor().source(),
					"only through BitVisor's DMAR build options; not in the configuration");
		}
		for (DmaScope scope : policy.dma().scopes()) {
			degraded(elements, "dma scope " + scope.name(), scope.source(),
					"device scopes come from the firmware's DMAR table; per-device IOMMU scopes cannot be set");
		}
	}

	private static void login(DevicePolicy policy, List<ExportElement> elements) {
		var methods = policy.login().methods();
		degraded(elements, "login " + methods.value().stream().map(m -> m.getLiteral()).toList(), methods.source(),
				"idman supports only its own contact-card stack (no PIV, no ISO 14443 Type B) and stores a password "
						+ "in plaintext; BitVisor boots without authentication");
		degraded(elements, "pin-length " + policy.login().pinMinimum().value() + ".." + policy.login().pinMaximum().value(),
				policy.login().pinMinimum().source(), "applies only to idman PKI login, which cannot be used");
		degraded(elements, "pin-tries " + policy.login().pinTries().value(), policy.login().pinTries().source(),
				"applies only to idman PKI login (fixed at 3), which cannot be used");
		if (!policy.login().anchors().isEmpty()) {
			degraded(elements, "trust " + policy.login().anchors().stream().map(a -> a.name()).toList(),
					policy.login().anchorsSource(), "idman.pkc01..03 serve idman's own card stack only");
		}
		if (!policy.login().allowedCards().isEmpty()) {
			degraded(elements, "required-group (" + policy.login().allowedCards().size() + " cards)",
					policy.login().allowedCardsSource(), "no per-card allow list in stock BitVisor");
		}
	}

	private static void settings(DevicePolicy policy, List<ExportElement> elements, List<ConfigEntry> entries) {
		var settings = policy.settings();
		boolean reboot = settings.panic().value() == PanicAction.REBOOT;
		entries.add(new ConfigEntry("vmm.panic_reboot", reboot ? "1" : "0"));
		elements.add(new ExportElement("panic " + settings.panic().value().getLiteral(), settings.panic().source(),
				Outcome.MAPPED, "vmm.panic_reboot=" + (reboot ? 1 : 0)));
		degraded(elements, "log " + settings.log().value().getLiteral(), settings.log().source(),
				"stock BitVisor has no log level setting");
		degraded(elements, "console " + settings.console().value().getLiteral(), settings.console().source(),
				"stock BitVisor picks its console at build time");
		if (settings.oobManagement().value()) {
			degraded(elements, "oob-management on", settings.oobManagement().source(),
					"stock BitVisor has no out-of-band management channel");
		} else {
			elements.add(new ExportElement("oob-management off", settings.oobManagement().source(), Outcome.MAPPED,
					"holds: stock BitVisor has no out-of-band management channel"));
		}
		settings.osLoader().ifPresent(loader -> degraded(elements, "os-loader " + loader.value(), loader.source(),
				"uefi-loader-login chain-loads its own choice; no loader path in the configuration"));
	}

	private static void degraded(List<ExportElement> elements, String element, SourceLink source, String reason) {
		elements.add(new ExportElement(element, source, Outcome.DEGRADED, reason));
	}
}
