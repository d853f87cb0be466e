// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/**
 * A holder waiting in a batch issuance queue.
 *
 * @param id queue entry id
 * @param batch batch name
 * @param holderId the holder
 * @param profile card profile to issue
 * @param state PENDING, DONE or FAILED
 * @param cardGuid the card issued, empty until done
 * @param error last error, empty if none
 */
public record QueueEntry(long id, String batch, String holderId, String profile, String state, String cardGuid,
        String error) {
}
