// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import dev.parapet.compiler.internal.Sha256;

/**
 * An ES256 (ECDSA P-256, SHA-256) key that signs policies. {@link #close()} logs out of tokens and
 * drops key references; callers use try-with-resources.
 */
public interface PolicySigner extends AutoCloseable {

	/** The certificate of the signing key (its public key is what verifiers trust). */
	X509Certificate certificate();

	/**
	 * Signs with ES256.
	 *
	 * @return the 64-byte COSE form r || s
	 */
	byte[] signEs256(byte[] toBeSigned) throws GeneralSecurityException;

	/** Whether the same input always gives the same signature (RFC 6979 deterministic ECDSA). */
	boolean isDeterministic();

	/** COSE kid: SHA-256 of the certificate's SubjectPublicKeyInfo (DER). */
	default byte[] keyId() {
		return Sha256.of(certificate().getPublicKey().getEncoded());
	}

	@Override
	void close();
}
