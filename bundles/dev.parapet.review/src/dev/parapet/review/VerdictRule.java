// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

/**
 * The verdict rules of the review, one constant per rule. docs/review.md shows the same table; a
 * test keeps the two in step. Every {@link Change} names the rule that decided its verdict.
 * Orders used below (least to most permissive / weakest to strongest) live in
 * {@code dev.parapet.review.internal.Strengths}.
 */
public enum VerdictRule {
	DEVICE_ADDED("device", "device added: widens (a new machine receives the fleet's keys and trust); removed: narrows; "
			+ "a removal and an addition with identical effective policies (serial included) are reported as a neutral rename"),
	PROFILE_CHANGED("extends", "the profile chain changed: neutral; every effective change it causes is reported on its own"),
	HARDWARE_MODEL("model", "hardware model or its inventory changed: neutral"),
	SERIAL("serial", "serial changed: neutral (the policy binds another machine)"),
	RULE_RENAMED("any named rule", "a rule renamed with identical content: neutral"),
	STORAGE_PROTECTION("storage disk", "plain < aes-xts-128 < aes-xts-256: weaker widens, stronger narrows"),
	STORAGE_COVERAGE("storage disk", "sectors no rule covers are plain passthrough: an encrypting rule added narrows, removed widens; "
			+ "a plain rule added or removed is neutral; an encrypted range that loses sectors or moves to another disk widens, one that only gains narrows"),
	KEY_STRENGTH("storage-key", "xts-128 < xts-256: weaker widens"),
	KEY_HOLDERS("storage-key wrap-to / group", "holders (and their cards) who can unwrap the key, through groups and includes transitively: gained widens, lost narrows"),
	KEY_ESCROW("storage-key escrow", "escrow added or changed to another recovery certificate widens, removed narrows"),
	KEY_ORIGIN("storage-key origin", "generated -> escrowed widens, escrowed -> generated narrows"),
	KEY_IDENTITY("storage-key", "another key of equal strength and holders, or a new generation: neutral (rotation)"),
	USB_ACTION("usb match / default", "deny < read-only < encrypt < allow: more permissive widens; encrypt vs encrypt by cipher and key"),
	USB_FIRST_MATCH("usb match", "a rule added, removed or re-matched is judged against what the affected devices get otherwise "
			+ "(later overlapping rules up to one that contains it, else the default): more permissive for any device widens"),
	NIC("network nic", "a NIC taken over narrows; released widens; a changed selector widens (the old NIC may be released)"),
	ENCRYPT_ALL("network encrypt-all", "set narrows (clear traffic is dropped); cleared widens"),
	TUNNEL_TRAFFIC("network peer / selector", "traffic a peer's selectors newly cover: widens under encrypt-all (it was dropped), "
			+ "narrows without (it went in the clear); traffic no longer covered: the reverse. Prefixes compared by containment"),
	PEER_CRYPTO("network peer ike-proposal / esp-proposal", "the weakest IKE and ESP proposal's strength in bits (min of cipher, integrity, PRF, DH) and, "
			+ "separately, the weakest ESP PFS group (none = 0 bits): lower widens, higher narrows; other proposals at equal floors: neutral"),
	PEER_AUTH("network peer auth", "psk < certificate < card-key: weaker widens, stronger narrows; another credential of the same kind: neutral"),
	PEER_IDENTITY("network peer address / remote-id / remote-ca", "a remote address, identity or CA added, changed or dropped (any identity) widens; one constraint added narrows"),
	PEER_LIFETIME("network peer ike-lifetime / esp-lifetime", "longer widens, shorter narrows"),
	PEER_LEGACY("network peer legacy", "legacy set widens, cleared narrows"),
	BYPASS("network bypass", "added widens, removed narrows; broader protocol/remote/port widens, narrower narrows"),
	IOMMU("dma iommu", "none -> vt-d/amd-vi narrows; back to none widens; vt-d <-> amd-vi neutral"),
	PROTECT_HYPERVISOR("dma protect-hypervisor", "set narrows; dropped widens"),
	DMA_ACTION("dma scope", "deny < shadow-only < allow: more permissive widens; a scope added or removed is judged against "
			+ "less specific scopes and the unscoped passthrough (allow)"),
	LOGIN_METHODS("login", "a method added (e.g. password) widens; removed narrows"),
	LOGIN_CARDS("login required-group", "cards of the required groups' holders (transitively): gained widens, lost narrows; no group = any card the anchors issued"),
	LOGIN_TRUST("login trust", "a trust anchor added or its file changed widens; removed narrows"),
	PIN_LENGTH("login pin-length", "minimum lowered widens, raised narrows; maximum alone: neutral"),
	PIN_TRIES("login pin-tries", "more tries widen, fewer narrow"),
	LOG_LEVEL("settings log", "error < warn < info < debug: more verbose widens"),
	CONSOLE("settings console", "none -> serial/vga widens, back narrows; serial <-> vga neutral"),
	OOB_MANAGEMENT("settings oob-management", "on widens, off narrows"),
	PANIC("settings panic", "halt -> reboot widens (fails open), back narrows"),
	OS_LOADER("settings os-loader", "neutral"),
	FLEET_ROLLBACK("fleet rollback-counter", "lowered widens (older signed policies are accepted again), raised narrows"),
	FLEET_KEYS("fleet policy-signing-key / secure-boot-key", "another key widens (a new signer is trusted)"),
	FLEET_RUNTIME("fleet runtime", "neutral"),
	UNCLASSIFIED("any", "any other effective difference: neutral, never dropped");

	private final String element;
	private final String rule;

	VerdictRule(String element, String rule) {
		this.element = element;
		this.rule = rule;
	}

	/** Stable id for SARIF and JSON, e.g. {@code usb-action}. */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** The policy elements the rule applies to. */
	public String element() {
		return element;
	}

	/** The rule in one sentence. */
	public String description() {
		return rule;
	}
}
