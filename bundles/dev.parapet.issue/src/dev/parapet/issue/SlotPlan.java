// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import dev.parapet.card.piv.PivAlgorithm;
import dev.parapet.card.piv.PivSlot;

/**
 * A key the profile puts on the card.
 *
 * @param slot the PIV slot
 * @param algorithm key algorithm (generated on the card)
 * @param template certificate template
 */
public record SlotPlan(PivSlot slot, PivAlgorithm algorithm, CertificateTemplate template) {
}
