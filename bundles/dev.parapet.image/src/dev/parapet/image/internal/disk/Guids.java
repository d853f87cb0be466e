// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based GUIDs for reproducible disks: the first 16 bytes of SHA-256 over a purpose label and
 * the length-prefixed names, marked as an RFC 9562 version 8 (custom) UUID.
 */
public final class Guids {

	private Guids() {
	}

	/** A GUID that depends only on {@code purpose} and {@code names}. */
	public static UUID derive(String purpose, String... names) {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		update(sha, purpose);
		for (String n : names) {
			update(sha, n);
		}
		byte[] h = sha.digest();
		h[6] = (byte) ((h[6] & 0x0f) | 0x80);
		h[8] = (byte) ((h[8] & 0x3f) | 0x80);
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = (msb << 8) | (h[i] & 0xff);
			lsb = (lsb << 8) | (h[i + 8] & 0xff);
		}
		return new UUID(msb, lsb);
	}

	/** The on-disk (mixed-endian) form of a GUID as UEFI stores it. */
	public static byte[] toEfiBytes(UUID guid) {
		byte[] b = new byte[16];
		long msb = guid.getMostSignificantBits();
		long lsb = guid.getLeastSignificantBits();
		int d1 = (int) (msb >>> 32);
		short d2 = (short) (msb >>> 16);
		short d3 = (short) msb;
		b[0] = (byte) d1;
		b[1] = (byte) (d1 >>> 8);
		b[2] = (byte) (d1 >>> 16);
		b[3] = (byte) (d1 >>> 24);
		b[4] = (byte) d2;
		b[5] = (byte) (d2 >>> 8);
		b[6] = (byte) d3;
		b[7] = (byte) (d3 >>> 8);
		for (int i = 0; i < 8; i++) {
			b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
		}
		return b;
	}

	/** Inverse of {@link #toEfiBytes(UUID)}. */
	public static UUID fromEfiBytes(byte[] b, int off) {
		long d1 = (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
		long d2 = (b[off + 4] & 0xffL) | (b[off + 5] & 0xffL) << 8;
		long d3 = (b[off + 6] & 0xffL) | (b[off + 7] & 0xffL) << 8;
		long msb = d1 << 32 | d2 << 16 | d3;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			lsb = (lsb << 8) | (b[off + 8 + i] & 0xff);
		}
		return new UUID(msb, lsb);
	}

	private static void update(MessageDigest sha, String s) {
		byte[] u = s.getBytes(StandardCharsets.UTF_8);
		sha.update(new byte[] { (byte) (u.length >>> 24), (byte) (u.length >>> 16), (byte) (u.length >>> 8), (byte) u.length });
		sha.update(u);
	}
}
