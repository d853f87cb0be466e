// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * ES256 through a JCA provider whose key never leaves its token (SunPKCS11). The token's ECDSA is
 * randomized: the payload is still byte-identical across runs, the signature is not.
 */
public final class TokenEs256Signer implements PolicySigner {

	private final Provider provider;
	private final X509Certificate certificate;
	private final Runnable logout;
	private PrivateKey key;

	/**
	 * @param logout called once on {@link #close()} (logs out of the token)
	 */
	public TokenEs256Signer(Provider provider, PrivateKey key, X509Certificate certificate, Runnable logout)
			throws java.security.InvalidKeyException {
		if (!Es256.isP256(certificate.getPublicKey())) {
			throw new java.security.InvalidKeyException("Policy signing key is not an EC P-256 key (ES256 needs P-256)");
		}
		this.provider = provider;
		this.key = key;
		this.certificate = certificate;
		this.logout = logout;
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
		Signature signature = Signature.getInstance("SHA256withECDSA", provider);
		signature.initSign(key);
		signature.update(toBeSigned);
		return Es256.derToRaw(signature.sign());
	}

	@Override
	public boolean isDeterministic() {
		return false;
	}

	@Override
	public void close() {
		if (key != null) {
			key = null;
			logout.run();
		}
	}
}
