// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.pe;

import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import dev.parapet.image.internal.crypto.P256;

/**
 * The policy-verification key block in hv-runtime's {@code .pppkey} PE section (docs/formats.md
 * section 4): magic {@code "PPPKEY\0\0"} at offset 0, block version 1 (32-bit little-endian) at 8,
 * the 65-byte uncompressed P-256 point at 12, 51 reserved zero bytes. Only the point is written;
 * the rest of the section stays exactly as the runtime's build wrote it.
 */
public final class PppKeySection {

	/** PE section name. */
	public static final String NAME = ".pppkey";
	static final byte[] MAGIC = { 'P', 'P', 'P', 'K', 'E', 'Y', 0, 0 };
	static final byte[] VERSION_1 = { 1, 0, 0, 0 };
	static final int POINT_OFFSET = 12;
	static final int MIN_SIZE = 128;

	private PppKeySection() {
	}

	/** Writes {@code key} into the {@code .pppkey} section of {@code image} in place. */
	public static void patch(PeImage image, ECPublicKey key) throws PeFormatException {
		PeImage.Section s = locate(image);
		byte[] point = P256.encodePoint(key);
		System.arraycopy(point, 0, image.bytes(), (int) s.rawOffset() + POINT_OFFSET, point.length);
	}

	/** The 65-byte point currently in the section. */
	public static byte[] read(PeImage image) throws PeFormatException {
		PeImage.Section s = locate(image);
		int at = (int) s.rawOffset() + POINT_OFFSET;
		return Arrays.copyOfRange(image.bytes(), at, at + P256.POINT_LENGTH);
	}

	private static PeImage.Section locate(PeImage image) throws PeFormatException {
		PeImage.Section s = image.section(NAME).orElseThrow(() -> new PeFormatException("no " + NAME + " section: not an hv-runtime EFI binary"));
		if (s.rawSize() < MIN_SIZE || Math.min(s.virtualSize(), s.rawSize()) < MIN_SIZE) {
			throw new PeFormatException(NAME + " section of " + s.rawSize() + " bytes is too small for a key block");
		}
		int at = (int) s.rawOffset();
		if (!Arrays.equals(Arrays.copyOfRange(image.bytes(), at, at + MAGIC.length), MAGIC)) {
			throw new PeFormatException(NAME + " section does not start with the PPPKEY block magic");
		}
		if (!Arrays.equals(Arrays.copyOfRange(image.bytes(), at + 8, at + 12), VERSION_1)) {
			throw new PeFormatException(NAME + " key block version is not 1");
		}
		return s;
	}
}
