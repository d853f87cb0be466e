// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.security.cert.X509Certificate;

/**
 * Looks up a card's 9D (key management) certificate by card id: from the card registry
 * ({@link RegistryCardKeyDirectory}) or from a folder of exported certificates
 * ({@link KeyManagementCertificateDirectory}).
 */
public interface CardKeyDirectory {

	/**
	 * The 9D certificate of card {@code cardId}.
	 *
	 * @throws IOException naming the card if it is unknown or its certificate unusable (bakes fail
	 *                     closed: a storage key is never wrapped to fewer cards than the policy says)
	 */
	X509Certificate keyManagementCertificate(String cardId) throws IOException;
}
