// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

import dev.parapet.card.CardIoException;
import dev.parapet.card.piv.PivAlgorithm;
import dev.parapet.card.piv.PivCard;
import dev.parapet.card.piv.PivSlot;

/**
 * Proves that a certificate belongs to the key on the card with a fresh challenge: a signature over random
 * data for signing slots, ECDH (or RSA decryption) for the key-management slot.
 */
public final class KeyProof {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SHA256_DIGEST_INFO = {
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
        0x04, 0x20 };

    private KeyProof() {
    }

    /**
     * @throws GeneralSecurityException when the card's key does not match the certificate
     */
    public static void prove(PivCard piv, PivSlot slot, PivAlgorithm alg, X509Certificate cert)
            throws CardIoException, GeneralSecurityException {
        PublicKey pub = cert.getPublicKey();
        if (slot == PivSlot.KEY_MANAGEMENT) {
            if (alg == PivAlgorithm.ECCP256) {
                proveEcdh(piv, (ECPublicKey) pub);
            } else {
                proveRsaDecryption(piv, (RSAPublicKey) pub);
            }
            return;
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(challenge);
        byte[] sig = piv.sign(slot, alg, alg == PivAlgorithm.ECCP256 ? digest : pkcs1(digest));
        Signature v = Signature.getInstance(alg == PivAlgorithm.ECCP256 ? "SHA256withECDSA" : "SHA256withRSA");
        v.initVerify(pub);
        v.update(challenge);
        if (!v.verify(sig)) {
            throw new GeneralSecurityException("slot " + slot.id() + ": the card's signature does not verify with the"
                    + " certificate's key (key/certificate mismatch)");
        }
    }

    private static void proveEcdh(PivCard piv, ECPublicKey certKey) throws CardIoException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair eph = g.generateKeyPair();
        byte[] card = piv.ecdh(PivSlot.KEY_MANAGEMENT, (ECPublicKey) eph.getPublic());
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(eph.getPrivate());
        ka.doPhase(certKey, true);
        byte[] host = ka.generateSecret();
        try {
            if (!MessageDigest.isEqual(card, host)) {
                throw new GeneralSecurityException("slot 9d: ECDH with the card differs from ECDH with the certificate's"
                        + " key (key/certificate mismatch)");
            }
        } finally {
            Arrays.fill(card, (byte) 0);
            Arrays.fill(host, (byte) 0);
        }
    }

    private static void proveRsaDecryption(PivCard piv, RSAPublicKey certKey)
            throws CardIoException, GeneralSecurityException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] block = new byte[256];
        block[1] = 2;
        for (int i = 2; i < 256 - 33; i++) {
            do {
                block[i] = (byte) RANDOM.nextInt(256);
            } while (block[i] == 0);
        }
        System.arraycopy(secret, 0, block, 256 - 32, 32);
        BigInteger c = new BigInteger(1, block).modPow(certKey.getPublicExponent(), certKey.getModulus());
        byte[] plain = piv.sign(PivSlot.KEY_MANAGEMENT, PivAlgorithm.RSA2048, fixed(c, 256));
        if (!MessageDigest.isEqual(Arrays.copyOfRange(plain, plain.length - 32, plain.length), secret)) {
            throw new GeneralSecurityException("slot 9d: the card did not decrypt a challenge for the certificate's key");
        }
    }

    /** EMSA-PKCS1-v1_5 block for a SHA-256 digest and a 2048-bit key. */
    public static byte[] pkcs1(byte[] sha256) {
        byte[] block = new byte[256];
        Arrays.fill(block, (byte) 0xFF);
        block[0] = 0;
        block[1] = 1;
        int t = SHA256_DIGEST_INFO.length + sha256.length;
        block[255 - t] = 0;
        System.arraycopy(SHA256_DIGEST_INFO, 0, block, 256 - t, SHA256_DIGEST_INFO.length);
        System.arraycopy(sha256, 0, block, 256 - sha256.length, sha256.length);
        return block;
    }

    private static byte[] fixed(BigInteger v, int len) {
        byte[] b = v.toByteArray();
        byte[] r = new byte[len];
        int n = Math.min(b.length, len);
        System.arraycopy(b, b.length - n, r, len - n, n);
        return r;
    }
}
