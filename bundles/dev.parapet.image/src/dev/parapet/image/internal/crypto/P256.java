// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** NIST P-256 points and scalars: SEC1 encodings and the ECDH primitive (SP 800-56A §5.7.1.2). */
public final class P256 {

	/** Length of an uncompressed SEC1 point. */
	public static final int POINT_LENGTH = 65;
	// the custom curve has BouncyCastle's specialised P-256 field arithmetic (an order of magnitude
	// faster than the generic X9 curve), which matters with dozens of recipients per image
	static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");

	private P256() {
	}

	/** Whether {@code key} is a P-256 key. */
	public static boolean isP256(PublicKey key) {
		if (!(key instanceof ECPublicKey ec)) {
			return false;
		}
		return ec.getParams().getCurve().getField().getFieldSize() == 256
				&& ec.getParams().getOrder().equals(CURVE.getN());
	}

	/** The uncompressed SEC1 encoding 04 || X || Y of a P-256 public key. */
	public static byte[] encodePoint(ECPublicKey key) {
		if (!isP256(key)) {
			throw new IllegalArgumentException("not a P-256 key");
		}
		return point(key).getEncoded(false);
	}

	/** The curve point of a JCA P-256 key, checked to be on the curve. */
	static ECPoint point(ECPublicKey key) {
		ECPoint p = CURVE.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY());
		if (!p.isValid()) {
			throw new IllegalArgumentException("public key is not a valid P-256 point");
		}
		return p;
	}

	/** Decodes and validates a SEC1 uncompressed point. */
	public static ECPoint decodePoint(byte[] encoded) {
		if (encoded.length != POINT_LENGTH || encoded[0] != 4) {
			throw new IllegalArgumentException("not an uncompressed P-256 point");
		}
		ECPoint p = CURVE.getCurve().decodePoint(encoded);
		if (!p.isValid() || p.isInfinity()) {
			throw new IllegalArgumentException("point not on P-256");
		}
		return p;
	}

	/** A JCA public key for an uncompressed SEC1 P-256 point (validated). */
	public static ECPublicKey toPublicKey(byte[] encoded) {
		ECPoint p = decodePoint(encoded);
		try {
			AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
			params.init(new ECGenParameterSpec("secp256r1"));
			ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
			java.security.spec.ECPoint w = new java.security.spec.ECPoint(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger());
			return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("P-256 not available", e);
		}
	}

	/** The public point d·G of scalar {@code d}, uncompressed. */
	public static byte[] publicPoint(BigInteger d) {
		return new FixedPointCombMultiplier().multiply(CURVE.getG(), d).normalize().getEncoded(false);
	}

	/** A scalar in [1, n-1] reduced from 48 or more uniformly random (or derived) bytes. */
	public static BigInteger scalar(byte[] material) {
		if (material.length < 40) {
			throw new IllegalArgumentException("need at least 40 bytes to reduce a P-256 scalar without bias");
		}
		BigInteger n1 = CURVE.getN().subtract(BigInteger.ONE);
		return new BigInteger(1, material).mod(n1).add(BigInteger.ONE);
	}

	/** The ECDH shared secret Z: the 32-byte x coordinate of d·Q. */
	public static byte[] sharedSecret(BigInteger d, ECPoint q) {
		ECPoint z = q.multiply(d).normalize();
		if (z.isInfinity()) {
			throw new IllegalArgumentException("ECDH produced the point at infinity");
		}
		return z.getAffineXCoord().getEncoded();
	}

	/** Overwrites {@code secret} with zeros. */
	public static void wipe(byte[] secret) {
		Arrays.fill(secret, (byte) 0);
	}
}
