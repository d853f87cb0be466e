// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.util.List;

import dev.parapet.card.piv.ManagementKeyAlgorithm;

/**
 * How one kind of card is issued (file format: docs/card-profiles.md).
 *
 * @param name profile name
 * @param managementKey algorithm of the per-card management key
 * @param pinTries PIN retry limit
 * @param pukTries PUK retry limit
 * @param pinMinLength shortest PIN the holder may choose (6..8)
 * @param pinMaxLength longest PIN (6..8)
 * @param slots keys and certificates, in issuance order
 * @param validityDays certificate lifetime
 * @param groups registry groups the holder joins
 * @param subjectSuffix RDNs appended to "CN=holder name" (for example "O=Example,C=DE"), may be empty
 */
public record CardProfile(String name, ManagementKeyAlgorithm managementKey, int pinTries, int pukTries,
        int pinMinLength, int pinMaxLength, List<SlotPlan> slots, int validityDays, List<String> groups,
        String subjectSuffix) {
}
