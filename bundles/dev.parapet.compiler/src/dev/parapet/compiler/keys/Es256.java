// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;

/**
 * ES256 helpers: conversions between the COSE signature form (r || s, 32 bytes each) and the DER
 * SEQUENCE the JCA produces, and the P-256 curve check.
 */
public final class Es256 {

	/** Order n of the P-256 base point. */
	public static final BigInteger P256_ORDER = new BigInteger(
			"FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
	private static final BigInteger P256_PRIME = new BigInteger(
			"FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);

	private Es256() {
	}

	/** Whether the key is an EC key on NIST P-256. */
	public static boolean isP256(PublicKey key) {
		if (!(key instanceof ECPublicKey ec)) {
			return false;
		}
		ECParameterSpec params = ec.getParams();
		return params.getOrder().equals(P256_ORDER)
				&& params.getCurve().getField() instanceof java.security.spec.ECFieldFp field
				&& field.getP().equals(P256_PRIME);
	}

	/** r || s from two integers in [1, n-1]. */
	public static byte[] raw(BigInteger r, BigInteger s) throws SignatureException {
		byte[] out = new byte[64];
		put(r, out, 0);
		put(s, out, 32);
		return out;
	}

	private static void put(BigInteger value, byte[] out, int offset) throws SignatureException {
		if (value.signum() <= 0 || value.compareTo(P256_ORDER) >= 0) {
			throw new SignatureException("ECDSA value outside [1, n-1]");
		}
		byte[] bytes = value.toByteArray();
		int length = bytes.length;
		int start = 0;
		if (length == 33 && bytes[0] == 0) {
			start = 1;
			length = 32;
		}
		System.arraycopy(bytes, start, out, offset + 32 - length, length);
	}

	/** Converts a DER ECDSA-Sig-Value (SEQUENCE of two INTEGERs) to r || s, strictly. */
	public static byte[] derToRaw(byte[] der) throws SignatureException {
		int[] position = { 0 };
		if (der.length < 8 || der[0] != 0x30) {
			throw new SignatureException("Not a DER ECDSA signature");
		}
		position[0] = 1;
		int length = derLength(der, position);
		if (position[0] + length != der.length) {
			throw new SignatureException("DER signature length mismatch");
		}
		BigInteger r = derInteger(der, position);
		BigInteger s = derInteger(der, position);
		if (position[0] != der.length) {
			throw new SignatureException("Trailing bytes in DER signature");
		}
		return raw(r, s);
	}

	/** Converts r || s to DER for the JCA verifier; rejects r or s outside [1, n-1]. */
	public static byte[] rawToDer(byte[] raw) throws SignatureException {
		if (raw.length != 64) {
			throw new SignatureException("ES256 signature is " + raw.length + " bytes, not 64");
		}
		BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32));
		BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64));
		for (BigInteger v : new BigInteger[] { r, s }) {
			if (v.signum() == 0 || v.compareTo(P256_ORDER) >= 0) {
				throw new SignatureException("r or s outside [1, n-1]");
			}
		}
		byte[] rb = r.toByteArray();
		byte[] sb = s.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream(72);
		out.write(0x30);
		out.write(rb.length + sb.length + 4);
		out.write(0x02);
		out.write(rb.length);
		out.writeBytes(rb);
		out.write(0x02);
		out.write(sb.length);
		out.writeBytes(sb);
		return out.toByteArray();
	}

	private static int derLength(byte[] der, int[] position) throws SignatureException {
		if (position[0] >= der.length) {
			throw new SignatureException("Truncated DER signature");
		}
		int first = der[position[0]++] & 0xFF;
		if (first < 0x80) {
			return first;
		}
		if (first == 0x81 && position[0] < der.length) {
			int length = der[position[0]++] & 0xFF;
			if (length < 0x80) {
				throw new SignatureException("Non-minimal DER length");
			}
			return length;
		}
		throw new SignatureException("Unsupported DER length");
	}

	private static BigInteger derInteger(byte[] der, int[] position) throws SignatureException {
		if (position[0] >= der.length || der[position[0]++] != 0x02) {
			throw new SignatureException("Expected DER INTEGER");
		}
		int length = derLength(der, position);
		if (length == 0 || position[0] + length > der.length) {
			throw new SignatureException("Bad DER INTEGER length");
		}
		byte[] bytes = java.util.Arrays.copyOfRange(der, position[0], position[0] + length);
		position[0] += length;
		return new BigInteger(bytes);
	}
}
