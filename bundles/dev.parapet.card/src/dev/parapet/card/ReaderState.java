// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

/**
 * A reader and whether a card is in it.
 *
 * @param name PC/SC reader name
 * @param cardPresent whether a card is present
 */
public record ReaderState(String name, boolean cardPresent) {
}
