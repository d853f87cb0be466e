// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation.internal;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.util.SimpleAttributeResolver;

import dev.parapet.policy.policy.Defaults;

/** How messages name elements: the keyword of their kind followed by their name ("profile office-laptop"). */
public final class Labels {

	private Labels() {
	}

	/** The kind of an element as its keyword reads, e.g. "storage key", "USB rule". */
	public static String kind(EClass eClass) {
		return switch (eClass.getName()) {
			case "StorageKey" -> "storage key";
			case "HardwareModel" -> "hardware model";
			case "RecoveryCertificate" -> "recovery certificate";
			case "TrustAnchor" -> "trust anchor";
			case "StorageRule" -> "disk";
			case "UsbRule" -> "USB rule";
			case "IpsecPeer" -> "peer";
			case "Bypass" -> "bypass";
			case "Nic" -> "NIC";
			case "DmaScope" -> "DMA scope";
			case "DmarUnit" -> "DMAR unit";
			default -> eClass.getName().toLowerCase(java.util.Locale.ROOT);
		};
	}

	/**
	 * Where an object sits, for messages: sections name their owner ("login of profile hr-laptop"),
	 * everything else names itself.
	 */
	public static String where(EObject element) {
		String section = switch (element.eClass().getName()) {
			case "StorageSection" -> "storage";
			case "UsbSection" -> "usb";
			case "NetworkSection" -> "network";
			case "DmaSection" -> "dma";
			case "LoginSection" -> "login";
			case "SettingsSection" -> "settings";
			default -> null;
		};
		if (section != null && element.eContainer() != null) {
			return section + " of " + of(element.eContainer());
		}
		return of(element);
	}

	/** "profile office-laptop", "defaults", "disk system". */
	public static String of(EObject element) {
		if (element instanceof Defaults) {
			return "defaults";
		}
		String name = SimpleAttributeResolver.NAME_RESOLVER.apply(element);
		return name == null ? kind(element.eClass()) : kind(element.eClass()) + " " + name;
	}
}
