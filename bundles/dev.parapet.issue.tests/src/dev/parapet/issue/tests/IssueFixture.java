// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import dev.parapet.issue.CardIssuer;
import dev.parapet.issue.CardProfile;
import dev.parapet.issue.CardProfileParser;
import dev.parapet.issue.CertificateAuthority;
import dev.parapet.issue.ManagementKeyDiversifier;
import dev.parapet.registry.AuditSigner;
import dev.parapet.registry.Holder;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryTarget;

/** A station: registry on H2, a PKCS#12 CA, a software master key, one holder (test only). */
final class IssueFixture implements AutoCloseable {

    static final String PROFILE = """
            # employee card
            profile: employee
            management-key: aes256
            pin-tries: 5
            puk-tries: 4
            pin-length: 6..8
            validity-days: 365
            subject: O=Parapet Test,C=DE
            slot: 9a p256 authentication
            slot: 9d p256 key-management
            group: staff
            """;

    final Path dir;
    final AuditSigner signer;
    final Registry registry;
    final CertificateAuthority ca;
    final ManagementKeyDiversifier keys;
    final CardProfile profile;
    final Holder holder = new Holder("e1001", "Ada Lovelace", "ada@example.org");

    IssueFixture(Path dir) throws Exception {
        this.dir = dir;
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair kp = g.generateKeyPair();
        signer = new AuditSigner(kp.getPrivate(), kp.getPublic());
        registry = Registry.open(RegistryTarget.embedded(dir.resolve("registry")), signer, "officer@test");
        ca = CertificateAuthority.createPkcs12(dir.resolve("ca.p12"), "ca-pass".toCharArray(),
                "CN=Parapet Test CA,O=Parapet Test,C=DE", 5);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        keys = new ManagementKeyDiversifier(new SecretKeySpec(master, "AES"), Optional.empty());
        profile = CardProfileParser.parse("employee.cardprofile", PROFILE);
        registry.putHolder(holder);
    }

    CardIssuer issuer(boolean force) {
        return new CardIssuer(registry, ca, keys, force);
    }

    @Override
    public void close() throws Exception {
        registry.close();
    }
}
