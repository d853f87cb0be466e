// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.security.cert.X509Certificate;

import dev.parapet.image.internal.crypto.P256;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.RegistryException;

/**
 * Cards' 9D (key management) certificates read from the card registry. A card that is unknown, suspended,
 * revoked, still incomplete or without a current 9D certificate fails the device (bakes fail closed: a
 * storage key is never wrapped to a card the registry no longer trusts).
 */
public final class RegistryCardKeyDirectory implements CardKeyDirectory {

	private final CardDirectory registry;

	/** @param registry an open registry; the caller closes it */
	public RegistryCardKeyDirectory(CardDirectory registry) {
		this.registry = registry;
	}

	@Override
	public X509Certificate keyManagementCertificate(String cardId) throws IOException {
		X509Certificate certificate;
		try {
			certificate = registry.usable(cardId).keyManagement();
		} catch (RegistryException e) {
			throw new IOException(e.getMessage(), e);
		}
		if (!P256.isP256(certificate.getPublicKey())) {
			throw new IOException("card " + cardId + ": its 9D key in the registry " + registry + " is not P-256");
		}
		return certificate;
	}
}
