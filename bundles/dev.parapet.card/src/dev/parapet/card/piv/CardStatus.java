// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

import java.util.Map;

/**
 * State of a card running Parapet's PIV applet, from its proprietary data object 5FFF10 (no secrets).
 *
 * @param pinTries PIN tries left
 * @param pukTries PUK tries left
 * @param managementKeyTries management key tries left before 9B blocks
 * @param managementKeyAlgorithm current 9B algorithm
 * @param serial card serial number
 * @param contactlessAdmin whether PIN and management commands are allowed over contactless
 * @param slotAlgorithms algorithm identifier per slot 9A, 9C, 9D, 9E (0 = empty)
 */
public record CardStatus(int pinTries, int pukTries, int managementKeyTries,
        ManagementKeyAlgorithm managementKeyAlgorithm, long serial, boolean contactlessAdmin,
        Map<PivSlot, Integer> slotAlgorithms) {
}
