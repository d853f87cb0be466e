// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.security.cert.X509Certificate;
import java.util.Map;

import dev.parapet.card.piv.PivSlot;

/**
 * Outcome of issuing (or renewing) a card.
 *
 * @param cardGuid the card's GUID (in its CHUID and the registry)
 * @param uid card UID (hex)
 * @param certificates certificates written and proven, by slot
 * @param apdus APDUs exchanged
 * @param millis wall time
 */
public record IssueResult(String cardGuid, String uid, Map<PivSlot, X509Certificate> certificates, int apdus,
        long millis) {
}
