// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds config.bin as boot/login-simple's config tool builds it from bitvisor.conf: a zeroed
 * {@code struct config_data}, {@code len} = its size, each entry converted into its field
 * (little-endian), files' contents copied in, {@code vmm.randomSeed} from the caller's random source.
 */
public final class ConfigImage {

	/** Offset of vmm.randomSeed within the vmm group. */
	private static final int RANDOM_SEED_SIZE = 1024;

	private static final Map<String, Integer> STORAGE_TYPES = Map.of("NULL", 0, "ATA", 1, "ATAPI", 2, "USB", 3, "AHCI",
			4, "AHCI_ATAPI", 5, "NVME", 6, "ANY", 0xFF);
	private static final Map<String, Integer> AUTH_METHODS = Map.of("none", 0, "pki", 1, "id/password", 2, "password",
			3);

	private ConfigImage() {
	}

	/**
	 * @param files      contents of the files that FILE entries name, by the value written
	 * @param randomSeed 1024 random bytes for vmm.randomSeed
	 */
	public static byte[] build(BitvisorLayout layout, List<ConfigEntry> entries, Map<String, byte[]> files,
			byte[] randomSeed) {
		ByteBuffer image = ByteBuffer.allocate(layout.length()).order(ByteOrder.LITTLE_ENDIAN);
		image.putInt(0, layout.length());
		if (randomSeed.length != RANDOM_SEED_SIZE) {
			throw new IllegalArgumentException("vmm.randomSeed needs 1024 bytes");
		}
		image.put(layout.group("vmm").offset(), randomSeed);
		for (ConfigEntry entry : entries) {
			ConfigText.check(layout, entry);
			ConfigField field = layout.field(entry.key()).orElseThrow();
			int at = field.offset();
			String value = entry.value();
			switch (field.kind()) {
			case STRING -> image.put(at, value.getBytes(StandardCharsets.UTF_8));
			case FILE -> {
				byte[] content = files.get(value);
				if (content == null || content.length > field.size()) {
					throw new IllegalArgumentException(entry.key() + ": file " + value + " missing or larger than "
							+ field.size() + " bytes");
				}
				image.put(at, content);
			}
			case U8 -> image.put(at, (byte) number(value));
			case U16 -> image.putShort(at, (short) number(value));
			case U32 -> image.putInt(at, (int) number(value));
			case U64 -> image.putLong(at, number(value));
			case STORAGE_TYPE -> image.putInt(at, named(STORAGE_TYPES, value.toUpperCase(Locale.ROOT), entry));
			case AUTH_METHOD -> image.putInt(at, named(AUTH_METHODS, value.toLowerCase(Locale.ROOT), entry));
			}
		}
		return image.array();
	}

	private static long number(String value) {
		return value.equals("-1") ? -1 : Long.parseUnsignedLong(value);
	}

	private static int named(Map<String, Integer> names, String value, ConfigEntry entry) {
		Integer code = names.get(value);
		if (code == null) {
			throw new IllegalArgumentException(entry.key() + ": unknown value " + entry.value());
		}
		return code;
	}
}
