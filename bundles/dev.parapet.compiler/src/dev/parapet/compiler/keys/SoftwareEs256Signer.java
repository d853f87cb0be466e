// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * ES256 with a key held in memory (from a PKCS#12 file). Uses deterministic ECDSA (RFC 6979,
 * HMAC-SHA-256 nonces) so that the same policy and key always give byte-identical blobs; the
 * signatures verify as ordinary ECDSA.
 */
public final class SoftwareEs256Signer implements PolicySigner {

	private final X509Certificate certificate;
	private ECPrivateKeyParameters key;

	public SoftwareEs256Signer(PrivateKey privateKey, X509Certificate certificate) throws InvalidKeyException {
		if (!Es256.isP256(certificate.getPublicKey())) {
			throw new InvalidKeyException("Policy signing key is not an EC P-256 key (ES256 needs P-256)");
		}
		this.certificate = certificate;
		ECPrivateKeyParameters generic = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(privateKey);
		// BouncyCastle's dedicated P-256 arithmetic is several times faster than the generic curve the
		// JCA parameters convert to; the key is checked to be on P-256 above
		X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
		this.key = new ECPrivateKeyParameters(generic.getD(),
				new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH()));
	}

	@Override
	public X509Certificate certificate() {
		return certificate;
	}

	@Override
	public byte[] signEs256(byte[] toBeSigned) throws GeneralSecurityException {
		if (key == null) {
			throw new IllegalStateException("Signer is closed");
		}
		SHA256Digest digest = new SHA256Digest();
		digest.update(toBeSigned, 0, toBeSigned.length);
		byte[] hash = new byte[32];
		digest.doFinal(hash, 0);
		ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
		signer.init(true, key);
		BigInteger[] rs = signer.generateSignature(hash);
		return Es256.raw(rs[0], rs[1]);
	}

	@Override
	public boolean isDeterministic() {
		return true;
	}

	@Override
	public void close() {
		// BigInteger cannot be wiped; dropping the only reference is what Java allows
		key = null;
	}
}
