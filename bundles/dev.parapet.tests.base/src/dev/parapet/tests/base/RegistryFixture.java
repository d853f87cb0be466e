// SPDX-License-Identifier: EPL-2.0
package dev.parapet.tests.base;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;

import dev.parapet.registry.AuditSigner;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.CertificateRecord;
import dev.parapet.registry.Holder;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;

/**
 * An embedded H2 card registry populated through the registry API the issuer uses (operation
 * {@code issue}, certificates recorded, operation completed), for tests of the registry's readers.
 */
public final class RegistryFixture {

    private final Path file;
    private final AuditSigner station;

    /** @param file database file without {@code .mv.db} */
    public RegistryFixture(Path file) {
        this.file = file;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            this.station = new AuditSigner(kp.getPrivate(), kp.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the database file, {@code .mv.db} included */
    public Path databaseFile() {
        return file.resolveSibling(file.getFileName() + ".mv.db");
    }

    /**
     * Records an issued card.
     *
     * @param guid card GUID
     * @param uid card UID in hex
     * @param holderId holder, created when missing
     * @param authentication its 9A certificate
     * @param keyManagement its 9D certificate
     */
    public void issue(String guid, String uid, String holderId, X509Certificate authentication,
            X509Certificate keyManagement) throws RegistryException, CertificateEncodingException {
        try (Registry r = open()) {
            if (r.holder(holderId).isEmpty()) {
                r.putHolder(new Holder(holderId, holderId, ""));
            }
            long op = r.beginOperation("issue", new CardRecord(guid, uid, "", holderId, "standard",
                    CardState.INCOMPLETE, "", "", ""), Map.of());
            record(r, guid, "9a", authentication);
            record(r, guid, "9d", keyManagement);
            r.completeOperation(op, CardState.ISSUED, Map.of());
        }
    }

    /** Moves a card to {@code state} (suspend, revoke) as the maintenance verbs do. */
    public void setState(String guid, CardState state) throws RegistryException {
        try (Registry r = open()) {
            r.setCardState(guid, state, "card." + state.name().toLowerCase(java.util.Locale.ROOT), Map.of());
        }
    }

    private static void record(Registry r, String guid, String slot, X509Certificate c)
            throws RegistryException, CertificateEncodingException {
        r.addCertificate(new CertificateRecord(slot + "-" + guid, guid, slot, c.getSubjectX500Principal().getName(),
                c.getNotBefore().toInstant().toString(), c.getNotAfter().toInstant().toString(), c.getEncoded(), false,
                "", ""));
    }

    private Registry open() throws RegistryException {
        return Registry.open(RegistryTarget.embedded(file), station, "test@station");
    }
}
