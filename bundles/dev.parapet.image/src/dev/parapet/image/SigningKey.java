// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key that signs in place (a PKCS#12 key in memory, a PKCS#11 token, a card) with its
 * certificate chain. Only signatures leave it; implementations never expose key bytes.
 */
public interface SigningKey {

	/** The signer's certificate followed by any intermediates, never the root. */
	List<X509Certificate> chain();

	/** The signer's certificate. */
	default X509Certificate certificate() {
		return chain().get(0);
	}

	/** Signs {@code data} with a JCA signature algorithm such as {@code SHA256withRSA}. */
	byte[] sign(String algorithm, byte[] data) throws GeneralSecurityException;
}
