// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

/**
 * Stable codes of every diagnostic the policy language reports, grouped by family. The codes are
 * part of Parapet's interface: the CLI prints them, tests and quick fixes match on them and
 * docs/language.md lists each with its severity and meaning. A code is never reused for another rule.
 */
public final class IssueCodes {

	// ---------------------------------------------------------------- 1xxx names, structure, imports

	/** Error: a cross-reference names no visible element of the required kind. */
	public static final String UNRESOLVED_REFERENCE = "PP1001";
	/** Error: an imported file does not exist or cannot be loaded. */
	public static final String UNRESOLVED_IMPORT = "PP1002";
	/** Error: two top-level elements of the fleet (over all files) share a name. */
	public static final String DUPLICATE_NAME = "PP1003";
	/** Error: two rules of one section (disks, USB matches, NICs, peers, bypasses, scopes, ...) share a name. */
	public static final String DUPLICATE_RULE_NAME = "PP1004";
	/** Error: a single-valued setting is written twice in one block. */
	public static final String DUPLICATE_SETTING = "PP1005";
	/** Error: a required setting is missing. */
	public static final String MISSING_SETTING = "PP1006";
	/** Error: a fleet folder declares more than one fleet. */
	public static final String MULTIPLE_FLEETS = "PP1007";
	/** Error: a fleet folder declares no fleet. */
	public static final String NO_FLEET = "PP1008";
	/** Error: a profile's extends chain (or a group's includes) comes back to itself. */
	public static final String INHERITANCE_CYCLE = "PP1009";
	/** Error: the text does not follow the grammar. */
	public static final String SYNTAX_ERROR = "PP1010";
	/** Error: a literal cannot be read (a number beyond 2^63-1, a malformed escape). */
	public static final String MALFORMED_LITERAL = "PP1011";
	/** Warning: a file is imported twice, or imports itself. */
	public static final String REDUNDANT_IMPORT = "PP1012";

	// ---------------------------------------------------------------- 2xxx storage

	/** Error: an LBA range starts after it ends. */
	public static final String LBA_RANGE_REVERSED = "PP2001";
	/** Error: two storage rules of one device cover overlapping sectors of the same disk. */
	public static final String LBA_OVERLAP = "PP2002";
	/** Error: a storage rule is wholly covered by an earlier rule of the same disk and can never apply. */
	public static final String STORAGE_RULE_UNREACHABLE = "PP2003";
	/** Error: the disk location does not fit the controller kind. */
	public static final String CONTROLLER_LOCATION_MISMATCH = "PP2004";
	/** Error: the cipher needs a key of another strength. */
	public static final String CIPHER_KEY_STRENGTH_MISMATCH = "PP2005";

	// ---------------------------------------------------------------- 3xxx USB

	/** Error: a USB vendor id is not 4 hexadecimal digits. */
	public static final String MALFORMED_USB_VENDOR = "PP3001";
	/** Error: a USB product id is not 4 hexadecimal digits. */
	public static final String MALFORMED_USB_PRODUCT = "PP3002";
	/** Error: a USB interface class is not 2 hexadecimal digits. */
	public static final String MALFORMED_USB_CLASS = "PP3003";
	/** Error: a USB rule is shadowed by an earlier, more general rule and can never apply. */
	public static final String USB_RULE_SHADOWED = "PP3004";
	/** Warning: a USB rule has no criteria and matches every stick; write a default instead. */
	public static final String USB_RULE_MATCHES_ALL = "PP3005";
	/** Error: a USB rule names a product without a vendor. */
	public static final String USB_PRODUCT_WITHOUT_VENDOR = "PP3006";

	// ---------------------------------------------------------------- 4xxx network and IPsec

	/** Error: a weak algorithm (DES, 3DES, HMAC-SHA-1, HMAC-MD5, PRF SHA-1/MD5, MODP-1024/1536) outside a legacy bitvisor peer. */
	public static final String WEAK_ALGORITHM = "PP4001";
	/** Error: a peer is marked legacy but the fleet's runtime is not bitvisor. */
	public static final String LEGACY_NOT_ALLOWED = "PP4002";
	/** Error: an AES-GCM proposal names an integrity algorithm. */
	public static final String GCM_WITH_INTEGRITY = "PP4003";
	/** Error: an AES-CBC (or DES) proposal names no integrity algorithm. */
	public static final String CBC_WITHOUT_INTEGRITY = "PP4004";
	/** Error: an IP address or prefix is malformed. */
	public static final String MALFORMED_IP = "PP4005";
	/** Error: a peer has no traffic selectors. */
	public static final String PEER_WITHOUT_SELECTORS = "PP4006";
	/** Error: encrypt-all is set on a device that has no NIC or no peer. */
	public static final String ENCRYPT_ALL_WITHOUT_PEER = "PP4007";
	/** Error: a traffic selector mixes IPv4 and IPv6. */
	public static final String SELECTOR_FAMILY_MISMATCH = "PP4008";
	/** Error: a port is given with a protocol other than tcp or udp. */
	public static final String PORT_WITHOUT_TRANSPORT = "PP4009";
	/** Error: an SA lifetime is shorter than 60 seconds, or the ESP lifetime exceeds the IKE lifetime. */
	public static final String LIFETIME_OUT_OF_RANGE = "PP4010";

	// ---------------------------------------------------------------- 5xxx DMA and PCI

	/** Error: a PCI address is not {@code [segment:]bus:dev.fn} in hexadecimal with dev <= 1f and fn <= 7. */
	public static final String MALFORMED_PCI_ADDRESS = "PP5001";
	/** Error: a PCI id is not {@code vvvv:dddd} in hexadecimal. */
	public static final String MALFORMED_PCI_ID = "PP5002";
	/** Error: a PCI class is not 4 hexadecimal digits (base class and subclass). */
	public static final String MALFORMED_PCI_CLASS = "PP5003";
	/** Error: two DMA scopes select the same devices with different actions. */
	public static final String CONFLICTING_DMA_SCOPE = "PP5004";
	/** Error: scopes of different selector kinds name the same inventory device with different actions. */
	public static final String OVERLAPPING_DMA_SCOPE = "PP5005";
	/** Warning: a DMA scope or NIC selects no device of the device's hardware model. */
	public static final String SELECTOR_NOT_IN_INVENTORY = "PP5006";
	/** Error: a DMAR unit's scope names a PCI address absent from its hardware model. */
	public static final String DMAR_SCOPE_UNKNOWN_DEVICE = "PP5007";
	/** Error: a hardware model lists one PCI address twice. */
	public static final String DUPLICATE_PCI_ADDRESS = "PP5008";
	/** Error: DMA scopes or protect-hypervisor without an IOMMU to enforce them. */
	public static final String DMA_WITHOUT_IOMMU = "PP5009";
	/** Error: a DMAR register base is not a 4 KiB aligned hexadecimal address ({@code 0x...}). */
	public static final String MALFORMED_DMAR_BASE = "PP5010";

	// ---------------------------------------------------------------- 6xxx login

	/** Error: a device has no login method in its effective policy. */
	public static final String NO_AUTHENTICATION = "PP6001";
	/** Error: a PIN length range outside 4..8 or with minimum above maximum. */
	public static final String PIN_LENGTH_RANGE = "PP6002";
	/** Error: PIN tries outside 1..15. */
	public static final String PIN_TRIES_RANGE = "PP6003";
	/** Warning: password login weakens the boot authentication. */
	public static final String PASSWORD_WEAKENS = "PP6004";
	/** Error: card login without any trust anchor to check the card's certificate. */
	public static final String CARD_LOGIN_WITHOUT_TRUST = "PP6005";
	/** Error: a login method is written twice in one list. */
	public static final String DUPLICATE_LOGIN_METHOD = "PP6006";
	/** Error: required-group without card login. */
	public static final String REQUIRED_GROUP_WITHOUT_CARD = "PP6007";
	/** Error: a required group has no holders, so nobody can log in. */
	public static final String REQUIRED_GROUP_EMPTY = "PP6008";

	// ---------------------------------------------------------------- 7xxx keys and fleet header

	/** Warning: a storage key is not used by any storage or USB rule. */
	public static final String UNUSED_STORAGE_KEY = "PP7001";
	/** Error: a storage key is wrapped to a group without holders. */
	public static final String KEY_WRAPPED_TO_EMPTY_GROUP = "PP7002";
	/** Error: an escrowed key names no recovery certificate. */
	public static final String ESCROW_WITHOUT_CERTIFICATE = "PP7003";
	/** Error: a storage key is wrapped to no group, so no card can unlock it. */
	public static final String KEY_NOT_WRAPPED = "PP7004";
	/** Error: a PKCS#11 URI does not follow RFC 7512. */
	public static final String MALFORMED_PKCS11_URI = "PP7005";
	/** Error: a PKCS#11 URI carries a secret (pin-value). */
	public static final String PKCS11_URI_WITH_SECRET = "PP7006";
	/** Warning: a PKCS#12 file does not exist relative to the policy file. */
	public static final String PKCS12_FILE_MISSING = "PP7007";
	/** Warning: a certificate file (trust anchor, recovery certificate, peer certificate) does not exist. */
	public static final String CERTIFICATE_FILE_MISSING = "PP7008";
	/** Error: the bitvisor runtime names a commit Parapet does not know. */
	public static final String UNKNOWN_BITVISOR_COMMIT = "PP7009";
	/** Error: a card UID is not 4 to 10 bytes in hexadecimal. */
	public static final String MALFORMED_CARD_UID = "PP7010";
	/** Error: one card UID is listed for two holders. */
	public static final String DUPLICATE_CARD = "PP7011";
	/** Warning: an escrow recovery certificate is given for a key whose origin is not escrowed. */
	public static final String ESCROW_NOT_ESCROWED = "PP7012";
	/** Error: a certificate file exists but holds no X.509 certificate (PEM or DER). */
	public static final String NOT_A_CERTIFICATE = "PP7013";

	// ---------------------------------------------------------------- 8xxx compiler limits

	/** Error: a number is beyond what the policy blob can represent for that field. */
	public static final String VALUE_OUT_OF_RANGE = "PP8001";
	/** Error: a device has more than 64 storage rules. */
	public static final String TOO_MANY_STORAGE_RULES = "PP8002";
	/** Error: a list has more than 4096 entries. */
	public static final String TOO_MANY_ENTRIES = "PP8003";
	/** Error: a text is longer than 4096 UTF-8 bytes. */
	public static final String TEXT_TOO_LONG = "PP8004";

	private IssueCodes() {
	}
}
