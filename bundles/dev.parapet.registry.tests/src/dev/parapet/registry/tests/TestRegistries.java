// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.tests;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import dev.parapet.registry.AuditSigner;

/** Station keys for registry tests. */
public final class TestRegistries {

    private TestRegistries() {
    }

    /** @return a fresh P-256 station signer */
    public static AuditSigner newSigner() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            return new AuditSigner(kp.getPrivate(), kp.getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
