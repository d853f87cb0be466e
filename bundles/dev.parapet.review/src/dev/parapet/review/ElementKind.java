// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

/**
 * The kinds of effective-policy elements the review compares, named as in the policy language.
 * Fleet-wide kinds describe the fleet header and carry no device.
 */
public enum ElementKind {
	DEVICE("device"),
	PROFILE("extends"),
	HARDWARE_MODEL("model"),
	SERIAL("serial"),
	STORAGE_RULE("storage disk"),
	USB_RULE("usb match"),
	USB_DEFAULT("usb default"),
	NIC("network nic"),
	ENCRYPT_ALL("network encrypt-all"),
	IPSEC_PEER("network peer"),
	BYPASS("network bypass"),
	IOMMU("dma iommu"),
	PROTECT_HYPERVISOR("dma protect-hypervisor"),
	DMA_SCOPE("dma scope"),
	LOGIN_METHODS("login methods"),
	REQUIRED_GROUPS("login required-group"),
	LOGIN_TRUST("login trust"),
	PIN_LENGTH("login pin-length"),
	PIN_TRIES("login pin-tries"),
	LOG("settings log"),
	CONSOLE("settings console"),
	OOB_MANAGEMENT("settings oob-management"),
	PANIC("settings panic"),
	OS_LOADER("settings os-loader"),
	FLEET_RUNTIME("fleet runtime"),
	FLEET_SIGNING_KEY("fleet policy-signing-key"),
	FLEET_SECURE_BOOT_KEY("fleet secure-boot-key"),
	FLEET_ROLLBACK_COUNTER("fleet rollback-counter");

	private final String keyword;

	ElementKind(String keyword) {
		this.keyword = keyword;
	}

	/** The element as written in the policy language, e.g. {@code usb match}. */
	public String keyword() {
		return keyword;
	}

	/** Whether the kind belongs to the fleet header rather than to a device. */
	public boolean isFleetWide() {
		return name().startsWith("FLEET_");
	}
}
