// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

import java.util.List;

/**
 * Result of checking the audit chain.
 *
 * @param entries entries checked
 * @param headHash hash of the last entry (keep it elsewhere to detect removal of the newest entries)
 * @param problems one line per finding: "entry 12: edited (hash does not match its content)"
 */
public record AuditVerification(long entries, String headHash, List<String> problems) {

    /** @return whether the chain is intact */
    public boolean intact() {
        return problems.isEmpty();
    }
}
