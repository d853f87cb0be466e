// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

/**
 * A complete response (after GET RESPONSE and Le corrections).
 *
 * @param data response data
 * @param sw final status word
 */
public record Response(byte[] data, int sw) {

    /** @return whether the status word is 9000 */
    public boolean ok() {
        return sw == StatusWords.OK;
    }
}
