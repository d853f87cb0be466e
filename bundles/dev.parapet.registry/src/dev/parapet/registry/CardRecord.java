// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/**
 * A card as recorded.
 *
 * @param guid card GUID (also in the card's CHUID)
 * @param uid ISO 14443 UID/PUPI in hex as read from the reader, empty when unknown
 * @param serial card serial in hex, empty when unknown
 * @param holderId holder
 * @param profile card profile name
 * @param state life-cycle state
 * @param replaces GUID of the card this one replaced, empty if none
 * @param createdAt ISO-8601 UTC
 * @param updatedAt ISO-8601 UTC
 */
public record CardRecord(String guid, String uid, String serial, String holderId, String profile, CardState state,
        String replaces, String createdAt, String updatedAt) {
}
