// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

/**
 * One field of {@code struct config_data} that a text key of bitvisor.conf sets.
 *
 * @param key    the text key as BitVisor spells it (matched case-insensitively)
 * @param offset absolute byte offset in config.bin
 * @param size   size in bytes
 * @param kind   how the text value becomes bytes
 */
public record ConfigField(String key, int offset, int size, Kind kind) {

	/** Conversions of boot/login-simple's configuration parser. */
	public enum Kind {
		/** char[size], NUL-terminated: the value must be at least one byte shorter than the field. */
		STRING,
		/** Raw bytes of a file named by the value (keys, certificates). */
		FILE,
		/** Little-endian unsigned numbers; "-1" means all ones ("any") for U8 and U16. */
		U8, U16, U32, U64,
		/** enum storage_type as a 32-bit little-endian number, from NULL, ATA, ATAPI, USB, AHCI, AHCI_ATAPI, NVME, ANY. */
		STORAGE_TYPE,
		/** enum idman_authmethod from None, PKI, ID/Password, Password. */
		AUTH_METHOD
	}
}
