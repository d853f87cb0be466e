// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.CertificateRecord;
import dev.parapet.registry.Holder;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;
import dev.parapet.registry.UsableCard;

/** The read API the compiler and image baking use: cards by UID, fail closed on every state but issued. */
class CardDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final KeyPair CA = keyPair();

    @TempDir
    Path workspace;
    private Path file;
    private long serial = 1;

    @BeforeEach
    void createRegistry() throws Exception {
        file = workspace.resolve(".parapet").resolve("registry");
        Files.createDirectories(file.getParent());
        try (Registry r = open()) {
            r.putHolder(new Holder("e1001", "Alice Example", "alice@example.org"));
        }
    }

    private Registry open() throws RegistryException {
        return Registry.open(RegistryTarget.embedded(file), TestRegistries.newSigner(), "tester@station");
    }

    private CardDirectory directory() throws RegistryException {
        return CardDirectory.open(RegistryTarget.existing(workspace.toString(), Path.of("/"), new char[0]),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Issues a card through the registry API as the issuer does, with fresh 9A and 9D certificates. */
    private X509Certificate[] issue(String guid, String uid, CardState end) throws Exception {
        try (Registry r = open()) {
            long op = r.beginOperation("issue", new CardRecord(guid, uid, "", "e1001", "standard", CardState.INCOMPLETE,
                    "", "", ""), Map.of());
            X509Certificate a = certificate("9a", NOW.minus(1, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS));
            X509Certificate d = certificate("9d", NOW.minus(1, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS));
            record(r, guid, "9a", a);
            record(r, guid, "9d", d);
            if (end != CardState.INCOMPLETE) {
                r.completeOperation(op, CardState.ISSUED, Map.of());
            }
            if (end == CardState.SUSPENDED || end == CardState.REVOKED) {
                r.setCardState(guid, end, "card." + end.name().toLowerCase(), Map.of());
            }
            return new X509Certificate[] { a, d };
        }
    }

    private static void record(Registry r, String guid, String slot, X509Certificate c) throws Exception {
        r.addCertificate(new CertificateRecord(c.getSerialNumber().toString(16), guid, slot,
                c.getSubjectX500Principal().getName(), c.getNotBefore().toInstant().toString(),
                c.getNotAfter().toInstant().toString(), c.getEncoded(), false, "", ""));
    }

    private X509Certificate certificate(String slot, Instant from, Instant to) throws Exception {
        KeyPair card = keyPair();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=Parapet test CA"), BigInteger.valueOf(serial++), Date.from(from), Date.from(to),
                new X500Name("CN=Alice Example " + slot), card.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(CA.getPrivate())));
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIssuedCardGivesItsHolderAnd9aAnd9dCertificatesWhateverTheUidCaseOrColons() throws Exception {
        X509Certificate[] written = issue("c-1", "4a1f09c2", CardState.ISSUED);
        try (CardDirectory d = directory()) {
            UsableCard card = d.usable("4A:1F:09:C2");
            assertEquals("e1001", card.holder().id());
            assertEquals("c-1", card.card().guid());
            assertArrayEquals(written[0].getEncoded(), card.authentication().getEncoded());
            assertArrayEquals(written[1].getEncoded(), card.keyManagement().getEncoded());
        }
    }

    @Test
    void revokedSuspendedAndIncompleteCardsAreRefusedNamingCardAndState() throws Exception {
        issue("c-r", "0A0A0A0A", CardState.REVOKED);
        issue("c-s", "0B0B0B0B", CardState.SUSPENDED);
        issue("c-i", "0C0C0C0C", CardState.INCOMPLETE);
        try (CardDirectory d = directory()) {
            assertEquals("card 0A0A0A0A of holder e1001 is revoked in the registry H2 " + file + ".mv.db;"
                    + " only issued cards are used", assertThrows(RegistryException.class, () -> d.usable("0A0A0A0A"))
                            .getMessage());
            assertTrue(assertThrows(RegistryException.class, () -> d.usable("0b0b0b0b")).getMessage()
                    .contains("is suspended"));
            assertTrue(assertThrows(RegistryException.class, () -> d.usable("0C0C0C0C")).getMessage()
                    .contains("is incomplete"));
            assertEquals(CardState.REVOKED, d.standing("0a0a0a0a").orElseThrow().card().state());
        }
    }

    @Test
    void anUnknownCardIsRefused() throws Exception {
        try (CardDirectory d = directory()) {
            assertTrue(d.standing("DEADBEEF").isEmpty());
            assertTrue(assertThrows(RegistryException.class, () -> d.usable("DEADBEEF")).getMessage()
                    .startsWith("card DEADBEEF is unknown in the registry"));
        }
    }

    @Test
    void anIssuedCardWhose9dCertificateIsRevokedHasNoUsableKey() throws Exception {
        issue("c-1", "4A1F09C2", CardState.ISSUED);
        try (Registry r = open()) {
            r.revokeCertificates("c-1", "9d", "keyCompromise");
        }
        try (CardDirectory d = directory()) {
            assertTrue(assertThrows(RegistryException.class, () -> d.usable("4A1F09C2")).getMessage()
                    .startsWith("card 4A1F09C2 has no current 9D certificate"));
        }
    }

    @Test
    void theNewestUnrevokedCertificateWithinItsValidityIsCurrent() throws Exception {
        issue("c-1", "4A1F09C2", CardState.ISSUED);
        X509Certificate renewed = certificate("9a", NOW.minus(1, ChronoUnit.HOURS), NOW.plus(700, ChronoUnit.DAYS));
        X509Certificate future = certificate("9a", NOW.plus(1, ChronoUnit.DAYS), NOW.plus(900, ChronoUnit.DAYS));
        try (Registry r = open()) {
            record(r, "c-1", "9a", renewed);
            record(r, "c-1", "9a", future);
        }
        try (CardDirectory d = directory()) {
            assertEquals(HexFormat.of().formatHex(renewed.getEncoded()),
                    HexFormat.of().formatHex(d.usable("4A1F09C2").authentication().getEncoded()));
        }
    }

    @Test
    void aCardReissuedUnderTheSameUidIsJudgedByItsNewestRecord() throws Exception {
        issue("c-old", "4A1F09C2", CardState.REVOKED);
        Thread.sleep(5);
        X509Certificate[] fresh = issue("c-new", "4A1F09C2", CardState.ISSUED);
        try (CardDirectory d = directory()) {
            assertArrayEquals(fresh[0].getEncoded(), d.usable("4A1F09C2").authentication().getEncoded());
        }
    }

    @Test
    void aPathWithoutARegistryIsAnErrorAndCreatesNothing() {
        Path missing = workspace.resolve("elsewhere");
        RegistryException e = assertThrows(RegistryException.class,
                () -> RegistryTarget.existing(missing.toString(), Path.of("/"), new char[0]));
        assertEquals("no registry at " + missing + ".mv.db", e.getMessage());
        assertTrue(Files.notExists(workspace.resolve("elsewhere.mv.db")));
    }

    @Test
    void theRegistryFileItselfOrAJdbcUrlNameTheSameRegistry() throws Exception {
        issue("c-1", "4A1F09C2", CardState.ISSUED);
        for (String spec : new String[] { file + ".mv.db", "jdbc:h2:file:" + file + ";IFEXISTS=TRUE" }) {
            try (CardDirectory d = CardDirectory.open(RegistryTarget.existing(spec, Path.of("/"), new char[0]),
                    Clock.fixed(NOW, ZoneOffset.UTC))) {
                assertEquals("c-1", d.usable("4a1f09c2").card().guid());
            }
        }
    }
}
