// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.security.cert.X509Certificate;

/**
 * One card's key-management (PIV slot 9D) key, as a storage key is wrapped to it.
 *
 * @param cardId      the card's id as the fleet's holders name it
 * @param holder      the holder the card belongs to
 * @param certificate the card's 9D certificate (its public key must be P-256)
 */
public record CardKey(String cardId, String holder, X509Certificate certificate) {
}
