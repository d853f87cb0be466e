// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.parapet.registry.AuditSigner;
import dev.parapet.registry.AuditVerification;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.CertificateRecord;
import dev.parapet.registry.Holder;
import dev.parapet.registry.OperationRecord;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;

/**
 * Registry behaviour shared by the H2 and PostgreSQL tests: one scenario, two databases, same schema.
 */
final class RegistryBehaviour {

    /** Raw SQL access to the same database, to tamper with it as an attacker with database access would. */
    interface Sql {
        Connection open() throws Exception;
    }

    private final RegistryTarget target;
    private final Sql sql;
    private final AuditSigner signer = TestRegistries.newSigner();

    RegistryBehaviour(RegistryTarget target, Sql sql) {
        this.target = target;
        this.sql = sql;
    }

    Registry open() throws RegistryException {
        return Registry.open(target, signer, "officer@station-1");
    }

    void issuanceLifecycleIsRecordedAndAudited() throws Exception {
        try (Registry r = open()) {
            r.putHolder(new Holder("e1001", "Ada Lovelace", "ada@example.org"));
            r.putHolder(new Holder("e1002", "Alan Turing", ""));
            r.addToGroup("admins", "e1001");
            r.addToGroup("admins", "e1002");
            long op = r.beginOperation("issue", card("c-1", "e1001"), Map.of("reader", "Virtual PCD 00 00"));
            assertEquals(CardState.INCOMPLETE, r.card("c-1").orElseThrow().state());
            r.step(op, "keys-generated");
            r.addCertificate(new CertificateRecord("0a", "c-1", "9d", "CN=Ada Lovelace", "2026-01-01T00:00:00Z",
                    "2027-01-01T00:00:00Z", new byte[] { 1, 2, 3 }, false, "", ""));
            r.completeOperation(op, CardState.ISSUED, Map.of());
            assertEquals(CardState.ISSUED, r.card("c-1").orElseThrow().state());
            assertTrue(r.unfinishedOperations().isEmpty());
            Map<String, List<byte[]>> keys = r.keyManagementCertificates("admins");
            assertEquals(List.of("e1001"), List.copyOf(keys.keySet()));
            assertEquals(List.of("0a"), r.revokeCertificates("c-1", "", "keyCompromise"));
            assertTrue(r.revokedCertificates().get(0).revoked());
            assertTrue(r.keyManagementCertificates("admins").isEmpty(), "revoked keys are no longer recipients");
            assertEquals(1, r.nextCrlNumber("CN=CA"));
            assertEquals(2, r.nextCrlNumber("CN=CA"));
            assertTrue(r.verifyAudit(List.of(signer.publicKey())).intact());
        }
    }

    void interruptedIssuanceStaysResumableThenRollsBackCleanly() throws Exception {
        try (Registry r = open()) {
            r.putHolder(new Holder("e2001", "Grace Hopper", ""));
            long op = r.beginOperation("issue", card("c-2", "e2001"), Map.of());
            r.step(op, "certificates-written");
            r.addCertificate(new CertificateRecord("0b", "c-2", "9a", "CN=Grace Hopper", "2026-01-01T00:00:00Z",
                    "2027-01-01T00:00:00Z", new byte[] { 9 }, false, "", ""));
            r.failOperation(op, "card removed during PUT DATA");
            OperationRecord o = r.unfinishedOperations().get(0);
            assertEquals("certificates-written", o.step());
            assertEquals(CardState.INCOMPLETE, r.card("c-2").orElseThrow().state());
            r.rollBackOperation(op, "operator chose rollback");
            assertEquals(CardState.RESET, r.card("c-2").orElseThrow().state());
            assertTrue(r.certificates("c-2").get(0).revoked(), "signed certificates stay on record, revoked");
            assertTrue(r.unfinishedOperations().isEmpty());
        }
    }

    void editedRemovedAndReorderedAuditEntriesAreFound() throws Exception {
        try (Registry r = open()) {
            r.putHolder(new Holder("e3001", "Edsger Dijkstra", ""));
            for (int i = 0; i < 5; i++) {
                r.audit("pin.unblock", "c-3", Map.of("n", Integer.toString(i)));
            }
            assertTrue(r.verifyAudit(List.of(signer.publicKey())).intact());
            assertFalse(r.verifyAudit(List.of(TestRegistries.newSigner().publicKey())).intact(),
                    "entries signed by a key that is not trusted");
        }
        tamper("UPDATE audit_log SET detail = 'n=99' WHERE seq = 3");
        assertProblem("entry 3: edited");
        tamper("UPDATE audit_log SET detail = 'n=1' WHERE seq = 3");
        assertNoProblem();
        tamper("DELETE FROM audit_log WHERE seq = 4");
        assertProblem("entry 4: missing");
        assertProblem("entry 5: does not follow");
    }

    void reorderedAuditEntriesAreFound() throws Exception {
        try (Registry r = open()) {
            for (int i = 0; i < 4; i++) {
                r.audit("card.status", "c-4", Map.of("n", Integer.toString(i)));
            }
        }
        tamper("UPDATE audit_log SET seq = 100 WHERE seq = 2");
        tamper("UPDATE audit_log SET seq = 2 WHERE seq = 3");
        tamper("UPDATE audit_log SET seq = 3 WHERE seq = 100");
        assertProblem("entry 2: does not follow");
        assertProblem("entry 3: edited");
    }

    void removingTheNewestEntryIsFoundThroughTheHead() throws Exception {
        try (Registry r = open()) {
            r.audit("card.status", "c-5", Map.of("n", "1"));
            r.audit("card.status", "c-5", Map.of("n", "2"));
        }
        tamper("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
        assertProblem("head:");
    }

    void secretsAreRefusedInAuditDetails() throws Exception {
        try (Registry r = open()) {
            RegistryException e = assertThrows(RegistryException.class,
                    () -> r.audit("pin.change", "c-6", Map.of("pin", "123456")));
            assertFalse(e.getMessage().contains("123456"), "the refused value is not echoed");
            assertThrows(RegistryException.class, () -> r.audit("puk.change", "c-6", Map.of("new-puk", "1")));
        }
    }

    private static CardRecord card(String guid, String holder) {
        return new CardRecord(guid, "0A0B0C0D", "00000001", holder, "employee", CardState.INCOMPLETE, "", "", "");
    }

    private void tamper(String statement) throws Exception {
        try (Connection c = sql.open(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private void assertProblem(String start) throws Exception {
        try (Registry r = open()) {
            AuditVerification v = r.verifyAudit(List.of(signer.publicKey()));
            Supplier<String> msg = () -> "expected a problem starting with \"" + start + "\" in " + v.problems();
            assertTrue(v.problems().stream().anyMatch(p -> p.startsWith(start)), msg);
        }
    }

    private void assertNoProblem() throws Exception {
        try (Registry r = open()) {
            AuditVerification v = r.verifyAudit(List.of(signer.publicKey()));
            assertTrue(v.intact(), () -> v.problems().toString());
        }
    }
}
