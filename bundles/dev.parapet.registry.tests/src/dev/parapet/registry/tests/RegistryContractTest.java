// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.tests;

import org.junit.jupiter.api.Test;

/** The registry scenarios every database must pass; subclasses say which database. */
abstract class RegistryContractTest {

    /** @return the scenarios bound to a fresh database */
    abstract RegistryBehaviour behaviour();

    @Test
    void issuanceLifecycleIsRecordedAndAudited() throws Exception {
        behaviour().issuanceLifecycleIsRecordedAndAudited();
    }

    @Test
    void interruptedIssuanceStaysResumableThenRollsBackCleanly() throws Exception {
        behaviour().interruptedIssuanceStaysResumableThenRollsBackCleanly();
    }

    @Test
    void editedAndRemovedAuditEntriesAreFound() throws Exception {
        behaviour().editedRemovedAndReorderedAuditEntriesAreFound();
    }

    @Test
    void reorderedAuditEntriesAreFound() throws Exception {
        behaviour().reorderedAuditEntriesAreFound();
    }

    @Test
    void removingTheNewestEntryIsFoundThroughTheHead() throws Exception {
        behaviour().removingTheNewestEntryIsFoundThroughTheHead();
    }

    @Test
    void secretsAreRefusedInAuditDetails() throws Exception {
        behaviour().secretsAreRefusedInAuditDetails();
    }
}
