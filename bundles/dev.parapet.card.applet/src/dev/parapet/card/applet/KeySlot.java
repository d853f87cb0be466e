// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.CryptoException;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyAgreement;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.RSAPublicKey;
import javacard.security.Signature;
import javacardx.crypto.Cipher;

/**
 * One asymmetric key slot (9A, 9C, 9D, 9E): on-card generation of ECC P-256 (algorithm 11) or
 * RSA-2048 (algorithm 07) keys, signature/decryption with the private key and ECDH (SP 800-73-4
 * part 2, 3.2.4 and appendix A.3/A.4). Key objects are allocated on first generation.
 */
final class KeySlot {

    static final byte ALG_RSA2048 = 0x07;
    static final byte ALG_ECCP256 = 0x11;

    private final byte reference;
    private KeyPair ec;
    private KeyPair rsa;
    private byte algorithm;

    KeySlot(byte reference) {
        this.reference = reference;
    }

    byte reference() {
        return reference;
    }

    byte algorithm() {
        return algorithm;
    }

    /** Erases the key (card reset). */
    void clear() {
        if (ec != null) {
            ec.getPrivate().clearKey();
            ec.getPublic().clearKey();
        }
        if (rsa != null) {
            rsa.getPrivate().clearKey();
            rsa.getPublic().clearKey();
        }
        algorithm = 0;
    }

    /**
     * Generates a key pair and writes the public key template 7F49 to {@code out}; returns its length.
     */
    short generate(byte alg, byte[] out) {
        if (alg == ALG_ECCP256) {
            if (ec == null) {
                ec = new KeyPair(KeyPair.ALG_EC_FP, KeyBuilder.LENGTH_EC_FP_256);
            }
            clear();
            P256.apply((ECPublicKey) ec.getPublic());
            P256.apply((ECPrivateKey) ec.getPrivate());
            ec.genKeyPair();
            algorithm = ALG_ECCP256;
            out[0] = 0x7F;
            out[1] = 0x49;
            out[2] = 0x43;
            out[3] = (byte) 0x86;
            out[4] = 0x41;
            short w = ((ECPublicKey) ec.getPublic()).getW(out, (short) 5);
            if (w != 65) {
                ISOException.throwIt(ISO7816.SW_UNKNOWN);
            }
            return (short) 70;
        }
        if (alg == ALG_RSA2048) {
            if (rsa == null) {
                rsa = new KeyPair(KeyPair.ALG_RSA_CRT, KeyBuilder.LENGTH_RSA_2048);
            }
            clear();
            rsa.genKeyPair();
            algorithm = ALG_RSA2048;
            RSAPublicKey pub = (RSAPublicKey) rsa.getPublic();
            out[0] = 0x7F;
            out[1] = 0x49;
            out[2] = (byte) 0x82;
            short off = 5;
            out[off++] = (byte) 0x81;
            out[off++] = (byte) 0x82;
            out[off++] = 0x01;
            out[off++] = 0x00;
            short n = pub.getModulus(out, off);
            if (n != 256) {
                ISOException.throwIt(ISO7816.SW_UNKNOWN);
            }
            off += n;
            out[off++] = (byte) 0x82;
            short eLenOff = off++;
            short e = pub.getExponent(out, off);
            out[eLenOff] = (byte) e;
            off += e;
            Util.setShort(out, (short) 3, (short) (off - 5));
            return off;
        }
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return 0;
    }

    /**
     * Signs a precomputed hash (ECC: leftmost 32 bytes, shorter input left-padded with zeros) or applies
     * the raw RSA private-key operation to a 256-byte block. Writes the result to {@code out}.
     */
    short privateOperation(byte alg, byte[] in, short inOff, short inLen, Signature ecdsa, Cipher rsaRaw,
            byte[] scratch, byte[] out, short outOff) {
        requireAlgorithm(alg);
        if (algorithm == ALG_ECCP256) {
            Util.arrayFillNonAtomic(scratch, (short) 0, (short) 32, (byte) 0);
            if (inLen >= 32) {
                Util.arrayCopyNonAtomic(in, inOff, scratch, (short) 0, (short) 32);
            } else {
                Util.arrayCopyNonAtomic(in, inOff, scratch, (short) (32 - inLen), inLen);
            }
            ecdsa.init(ec.getPrivate(), Signature.MODE_SIGN);
            return ecdsa.signPreComputedHash(scratch, (short) 0, (short) 32, out, outOff);
        }
        if (inLen != 256) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        rsaRaw.init(rsa.getPrivate(), Cipher.MODE_DECRYPT);
        try {
            return rsaRaw.doFinal(in, inOff, inLen, out, outOff);
        } catch (CryptoException e) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            return 0;
        }
    }

    /** ECDH (SP 800-56A, Z = x coordinate) with the peer's uncompressed point. */
    short agree(byte alg, byte[] in, short inOff, short inLen, KeyAgreement ecdh, byte[] out, short outOff) {
        requireAlgorithm(alg);
        if (algorithm != ALG_ECCP256 || inLen != 65 || in[inOff] != 0x04) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        ecdh.init(ec.getPrivate());
        try {
            return ecdh.generateSecret(in, inOff, inLen, out, outOff);
        } catch (CryptoException e) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            return 0;
        }
    }

    private void requireAlgorithm(byte alg) {
        if (algorithm == 0) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        if (alg != algorithm) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
    }
}
