// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/**
 * The station key that signs audit entries (ECDSA P-256 with SHA-256, or RSA with SHA-256). The private key
 * may live in a PKCS#12 file or a PKCS#11 token; only the JCA key object is used here.
 */
public final class AuditSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    /**
     * @param privateKey signing key
     * @param publicKey its public key (identifies the signer in entries)
     */
    public AuditSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** @return the public key */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** @return the key id: first 16 bytes of SHA-256 over the SubjectPublicKeyInfo, hex */
    public String keyId() {
        return keyId(publicKey);
    }

    /** @return the key id of any public key */
    public static String keyId(PublicKey key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static String algorithm(PublicKey key) {
        return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }

    byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm(publicKey));
        s.initSign(privateKey);
        s.update(data);
        return s.sign();
    }
}
