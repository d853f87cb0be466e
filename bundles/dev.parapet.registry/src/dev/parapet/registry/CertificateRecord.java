// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/**
 * A certificate written to a card.
 *
 * @param serial certificate serial number in hex
 * @param cardGuid the card
 * @param slot PIV slot ("9a", "9c", "9d", "9e")
 * @param subject subject DN
 * @param notBefore ISO-8601 UTC
 * @param notAfter ISO-8601 UTC
 * @param der the DER encoding
 * @param revoked whether revoked
 * @param revokedAt ISO-8601 UTC when revoked, else empty
 * @param reason revocation reason name (RFC 5280), else empty
 */
public record CertificateRecord(String serial, String cardGuid, String slot, String subject, String notBefore,
        String notAfter, byte[] der, boolean revoked, String revokedAt, String reason) {
}
