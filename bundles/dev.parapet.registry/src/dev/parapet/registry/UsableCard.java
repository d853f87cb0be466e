// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

import java.security.cert.X509Certificate;

/**
 * An issued card with its current certificates, as {@link CardDirectory#usable(String)} returns it.
 *
 * @param card the card record (state {@link CardState#ISSUED})
 * @param holder its holder
 * @param authentication the current 9A (PIV authentication) certificate: its SHA-256 is what policy blobs
 *        list as an allowed card
 * @param keyManagement the current 9D (key management) certificate: image baking wraps storage keys to its
 *        public key
 */
public record UsableCard(CardRecord card, Holder holder, X509Certificate authentication,
        X509Certificate keyManagement) {
}
