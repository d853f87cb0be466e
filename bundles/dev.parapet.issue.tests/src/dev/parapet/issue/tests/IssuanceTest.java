// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.smartcardio.TerminalFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.card.StatusWordException;
import dev.parapet.card.piv.Chuid;
import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.card.piv.PivCard;
import dev.parapet.card.piv.PivSlot;
import dev.parapet.card.tests.SimulatedPivCard;
import dev.parapet.issue.BatchIssuer;
import dev.parapet.issue.CardMaintenance;
import dev.parapet.issue.CrlPublisher;
import dev.parapet.issue.IssueException;
import dev.parapet.issue.IssueListener;
import dev.parapet.issue.IssueResult;
import dev.parapet.issue.PinSource;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.CertificateRecord;
import dev.parapet.registry.Holder;

/** Issuance and card life cycle on Parapet's applet in jCardSim, through CardReaders (javax.smartcardio). */
class IssuanceTest {

    private static final String READER = "Sim Reader 0";
    private static final byte[] FACTORY_KEY = HexFormat.of().parseHex("010203040506070801020304050607080102030405060708");

    @TempDir
    Path dir;
    private IssueFixture f;
    private TerminalFactory factory;
    private CardReaders readers;
    private SimulatedPivCard card;

    @BeforeEach
    void station() throws Exception {
        f = new IssueFixture(dir);
        factory = SimulatedPivCard.factory(READER);
        readers = new CardReaders(factory, false);
        card = SimulatedPivCard.install((byte) 0, 0x00C0FFEE);
        card.insert(factory, READER);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private IssueResult issue() throws Exception {
        try (CardSession s = readers.connect(READER)) {
            return f.issuer(false).issue(s, f.holder, f.profile, new FixedPins("24681357", "87654321"), "",
                    IssueListener.NONE);
        }
    }

    @Test
    void issuedCardIsRecordedWithProvenCertificatesAndItsOwnManagementKey() throws Exception {
        IssueResult r = issue();
        CardRecord rec = f.registry.card(r.cardGuid()).orElseThrow();
        assertEquals(CardState.ISSUED, rec.state());
        assertEquals("00C0FFEE", rec.serial());
        assertEquals(2, f.registry.certificates(r.cardGuid()).size());
        assertEquals(List.of("e1001"), f.registry.groupMembers("staff"));
        assertEquals(1, f.registry.keyManagementCertificates("staff").get("e1001").size());
        try (CardSession s = readers.connect(READER)) {
            PivCard piv = PivCard.select(s).orElseThrow();
            assertEquals(UUID.fromString(r.cardGuid()), Chuid.decode(piv.getData(PivCard.TAG_CHUID).orElseThrow()).guid());
            X509Certificate onCard = piv.readCertificate(PivSlot.AUTHENTICATION).orElseThrow();
            assertEquals(r.certificates().get(PivSlot.AUTHENTICATION), onCard);
            onCard.verify(f.ca.certificate().getPublicKey());
            assertEquals(0x6A86, assertThrows(StatusWordException.class,
                    () -> piv.authenticate(ManagementKeyAlgorithm.TDES, FACTORY_KEY)).sw(), "factory 3DES key replaced");
            assertEquals(ManagementKeyAlgorithm.AES256, piv.status().orElseThrow().managementKeyAlgorithm());
            assertEquals(5, piv.pinTriesLeft(), "profile's PIN retry limit");
            piv.verifyPin("24681357".toCharArray());
        }
        assertTrue(f.registry.verifyAudit(List.of(f.signer.publicKey())).intact());
        assertTrue(f.registry.auditEntries(r.cardGuid()).stream().anyMatch(e -> e.action().equals("issue.complete")));
        assertTrue(f.registry.auditEntries("").stream().noneMatch(e -> e.detail().contains("24681357")
                || e.detail().contains("87654321")), "no PIN or PUK in the audit log");
    }

    @Test
    void cardPulledOutDuringIssuanceLeavesAResumableRecordAndResumes() throws Exception {
        SimulatedPivCard.Removable removable = card.connectRemovable();
        FixedPins pins = new FixedPins("24681357", "87654321").onNewPin(removable::remove);
        IssueException e;
        try (CardSession s = removable.session()) {
            e = assertThrows(IssueException.class,
                    () -> f.issuer(false).issue(s, f.holder, f.profile, pins, "", IssueListener.NONE));
        }
        assertTrue(e.resumable());
        CardRecord rec = f.registry.cards("", null).get(0);
        assertEquals(CardState.INCOMPLETE, rec.state());
        assertEquals("chuid", f.registry.unfinishedOperations().get(0).step());
        card.insert(factory, READER);
        IssueResult r;
        try (CardSession s = readers.connect(READER)) {
            r = f.issuer(false).resume(s, f.profile, new FixedPins("24681357", "87654321"), IssueListener.NONE);
        }
        assertEquals(rec.guid(), r.cardGuid());
        assertEquals(CardState.ISSUED, f.registry.card(rec.guid()).orElseThrow().state());
        assertTrue(f.registry.unfinishedOperations().isEmpty());
    }

    @Test
    void cardPulledOutAfterAnyApduLeavesTheRegistryConsistentAndTheCardResumable() throws Exception {
        int resumed = 0;
        for (int n = 1; n <= 30; n += 3) {
            SimulatedPivCard fresh = SimulatedPivCard.install((byte) 0, 0x2000 + n);
            SimulatedPivCard.Removable removable = fresh.connectRemovable();
            removable.removeAfter(n);
            int unfinishedBefore = f.registry.unfinishedOperations().size();
            int cardsBefore = f.registry.cards("", null).size();
            try (CardSession s = removable.session()) {
                f.issuer(false).issue(s, f.holder, f.profile, new FixedPins("24681357", "87654321"), "",
                        IssueListener.NONE);
                continue; // the whole issuance fitted in n APDUs
            } catch (IssueException e) {
                int cardsAfter = f.registry.cards("", null).size();
                if (cardsAfter == cardsBefore) {
                    assertEquals(0, e.operation(), "pulled before anything was recorded: " + e.getMessage());
                    continue;
                }
                assertTrue(e.resumable(), e.getMessage());
                assertEquals(unfinishedBefore + 1, f.registry.unfinishedOperations().size());
                CardRecord rec = f.registry.card(f.registry.operation(e.operation()).orElseThrow().cardGuid()).orElseThrow();
                assertEquals(CardState.INCOMPLETE, rec.state(), "n=" + n);
            }
            fresh.insert(factory, READER);
            try (CardSession s = readers.connect(READER)) {
                IssueResult r = f.issuer(false).resume(s, f.profile, new FixedPins("24681357", "87654321"),
                        IssueListener.NONE);
                assertEquals(CardState.ISSUED, f.registry.card(r.cardGuid()).orElseThrow().state(), "n=" + n);
            }
            resumed++;
            assertEquals(unfinishedBefore, f.registry.unfinishedOperations().size(), "n=" + n);
        }
        assertTrue(resumed >= 6, "interrupted and resumed at " + resumed + " points");
        assertTrue(f.registry.verifyAudit(List.of(f.signer.publicKey())).intact());
    }

    @Test
    void issuanceIsRefusedWhenManagementKeyTriesAreLowUnlessForced() throws Exception {
        try (CardSession s = readers.connect(READER)) {
            PivCard piv = PivCard.select(s).orElseThrow();
            byte[] wrong = FACTORY_KEY.clone();
            wrong[0] ^= 0x02;
            for (int i = 0; i < 8; i++) {
                assertThrows(StatusWordException.class, () -> piv.authenticate(ManagementKeyAlgorithm.TDES, wrong));
            }
        }
        IssueException e = assertThrows(IssueException.class, this::issue);
        assertTrue(e.getMessage().startsWith("only 2 management-key tries left"), e.getMessage());
        assertTrue(f.registry.cards("", null).isEmpty(), "nothing recorded for a refused card");
        try (CardSession s = readers.connect(READER)) {
            f.issuer(true).issue(s, f.holder, f.profile, new FixedPins("24681357", "87654321"), "", IssueListener.NONE);
        }
    }

    @Test
    void pukUnblocksAPinTheHolderForgot() throws Exception {
        issue();
        try (CardSession s = readers.connect(READER)) {
            PivCard piv = PivCard.select(s).orElseThrow();
            for (int i = 0; i < 5; i++) {
                assertThrows(StatusWordException.class, () -> piv.verifyPin("11111111".toCharArray()));
            }
            assertEquals(0, piv.pinTriesLeft());
        }
        try (CardSession s = readers.connect(READER)) {
            new CardMaintenance(f.registry, false).unblock(s, new FixedPins("13572468", "87654321"), f.profile);
        }
        try (CardSession s = readers.connect(READER)) {
            PivCard.select(s).orElseThrow().verifyPin("13572468".toCharArray());
        }
    }

    @Test
    void renewalReplacesKeysAndSupersedesOldCertificates() throws Exception {
        IssueResult first = issue();
        IssueResult renewed;
        try (CardSession s = readers.connect(READER)) {
            renewed = f.issuer(false).renew(s, f.profile, new FixedPins("24681357", "87654321"), IssueListener.NONE);
        }
        assertEquals(first.cardGuid(), renewed.cardGuid());
        List<CertificateRecord> certs = f.registry.certificates(first.cardGuid());
        assertEquals(4, certs.size());
        assertEquals(2, certs.stream().filter(CertificateRecord::revoked).count());
        assertTrue(certs.stream().filter(CertificateRecord::revoked).allMatch(c -> c.reason().equals("superseded")));
    }

    @Test
    void batchIssuesEveryQueuedHolderAndContinuesAfterAnInterruption() throws Exception {
        f.registry.putHolder(new Holder("e1002", "Alan Turing", ""));
        f.registry.putHolder(new Holder("e1003", "Grace Hopper", ""));
        for (String h : List.of("e1001", "e1002", "e1003")) {
            f.registry.enqueue("spring", h, "employee");
        }
        card.remove();
        int[] issued = { 0 };
        SimulatedPivCard[] current = { null };
        BatchIssuer.Operator operator = new BatchIssuer.Operator() {
            @Override
            public void tell(String message) {
                if (message.startsWith("insert a card")) {
                    current[0] = SimulatedPivCard.install((byte) 0, 0x100 + issued[0]);
                    current[0].insert(factory, READER);
                } else if (message.startsWith("issued card")) {
                    issued[0]++;
                    current[0].remove();
                }
            }

            @Override
            public PinSource pinsFor(Holder h) {
                return new FixedPins("24681357", "87654321");
            }
        };
        BatchIssuer batch = new BatchIssuer(f.registry, f.issuer(false), Map.of("employee", f.profile));
        assertEquals(2, batch.run("spring", readers, READER, operator, () -> issued[0] >= 1), "stopped after one card");
        assertEquals(0, batch.run("spring", readers, READER, operator, () -> false));
        assertEquals(3, issued[0]);
        assertTrue(f.registry.queue("spring").stream().allMatch(q -> q.state().equals("DONE") && !q.cardGuid().isEmpty()));
        assertEquals(List.of("e1001", "e1002", "e1003"), f.registry.groupMembers("staff"));
    }

    @Test
    void replacementCardRevokesTheCardItReplaces() throws Exception {
        IssueResult lost = issue();
        SimulatedPivCard second = SimulatedPivCard.install((byte) 0, 0x00000002);
        second.insert(factory, READER);
        IssueResult replacement;
        try (CardSession s = readers.connect(READER)) {
            replacement = f.issuer(false).issue(s, f.holder, f.profile, new FixedPins("24681357", "87654321"),
                    lost.cardGuid(), IssueListener.NONE);
        }
        assertEquals(CardState.ISSUED, f.registry.card(replacement.cardGuid()).orElseThrow().state());
        assertEquals(lost.cardGuid(), f.registry.card(replacement.cardGuid()).orElseThrow().replaces());
        assertEquals(CardState.REVOKED, f.registry.card(lost.cardGuid()).orElseThrow().state());
        assertTrue(f.registry.certificates(lost.cardGuid()).stream()
                .allMatch(c -> c.revoked() && c.reason().equals("superseded")));
        assertEquals(1, f.registry.keyManagementCertificates("staff").get("e1001").size(),
                "only the replacement's key is a recipient");
    }

    @Test
    void revokedCardAppearsInACrlThatOpensslVerifies() throws Exception {
        Peers.require("openssl");
        IssueResult r = issue();
        new CardMaintenance(f.registry, false).revoke(r.cardGuid(), "keyCompromise");
        assertEquals(CardState.REVOKED, f.registry.card(r.cardGuid()).orElseThrow().state());
        Path crl = new CrlPublisher(f.registry, f.ca).publishCrl(dir.resolve("crl"), Duration.ofDays(7));
        Path caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, pem(f.ca.certificate().getEncoded()));
        Peers.Result out = Peers.run(List.of("openssl", "crl", "-inform", "DER", "-in", crl.toString(), "-CAfile",
                caPem.toString(), "-noout", "-text"));
        assertEquals(0, out.exit(), out.output());
        assertTrue(out.output().contains("verify OK") || !out.output().contains("verify failure"), out.output());
        for (CertificateRecord c : f.registry.certificates(r.cardGuid())) {
            assertTrue(out.output().toUpperCase().contains(c.serial().toUpperCase()), "serial " + c.serial() + " listed");
        }
        assertTrue(out.output().contains("Key Compromise"));
    }

    @Test
    void issuedCertificatesVerifyWithOpensslAgainstTheCa() throws Exception {
        Peers.require("openssl");
        IssueResult r = issue();
        Path caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, pem(f.ca.certificate().getEncoded()));
        Path cert = dir.resolve("9a.pem");
        Files.writeString(cert, pem(r.certificates().get(PivSlot.AUTHENTICATION).getEncoded()));
        Peers.Result out = Peers.run(List.of("openssl", "verify", "-CAfile", caPem.toString(), "-purpose", "sslclient",
                cert.toString()));
        assertEquals(0, out.exit(), out.output());
        Peers.Result text = Peers.run(List.of("openssl", "x509", "-in", cert.toString(), "-noout", "-text"));
        assertTrue(text.output().contains("TLS Web Client Authentication"), text.output());
        assertTrue(text.output().contains("Subject: C = DE, O = Parapet Test, CN = Ada Lovelace"), text.output());
    }

    @Test
    void blockedCardIsResetToFactoryStateAndItsCertificatesRevoked() throws Exception {
        IssueResult r = issue();
        try (CardSession s = readers.connect(READER)) {
            assertTrue(assertThrows(IssueException.class, () -> new CardMaintenance(f.registry, false).reset(s)).getMessage()
                    .contains("not blocked"));
        }
        try (CardSession s = readers.connect(READER)) {
            PivCard piv = PivCard.select(s).orElseThrow();
            for (int i = 0; i < 5; i++) {
                assertThrows(StatusWordException.class, () -> piv.verifyPin("11111111".toCharArray()));
            }
        }
        try (CardSession s = readers.connect(READER)) {
            new CardMaintenance(f.registry, false).reset(s);
        }
        assertEquals(CardState.RESET, f.registry.card(r.cardGuid()).orElseThrow().state());
        assertTrue(f.registry.certificates(r.cardGuid()).stream().allMatch(CertificateRecord::revoked));
        try (CardSession s = readers.connect(READER)) {
            PivCard piv = PivCard.select(s).orElseThrow();
            piv.authenticate(ManagementKeyAlgorithm.TDES, FACTORY_KEY);
            assertFalse(piv.getData(PivCard.TAG_CHUID).isPresent());
        }
        IssueResult again = issue();
        assertFalse(again.cardGuid().equals(r.cardGuid()), "a reset card is issued as a new card");
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
