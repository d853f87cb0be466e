// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/**
 * One audit log entry. Never holds secrets: the registry rejects details whose names suggest one.
 *
 * @param seq position in the chain, from 1
 * @param at ISO-8601 UTC
 * @param actor who (operator and station)
 * @param cardGuid which card, empty if none
 * @param action what
 * @param detail further facts, "key=value" lines sorted by key
 * @param prevHash hash of the previous entry (hex)
 * @param hash SHA-256 over prevHash and this entry (hex)
 * @param keyId signing key id (hex)
 * @param signature ECDSA signature over the hash (base64)
 */
public record AuditEntry(long seq, String at, String actor, String cardGuid, String action, String detail,
        String prevHash, String hash, String keyId, String signature) {
}
