// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.DESKey;
import javacard.security.KeyBuilder;
import javacard.security.RandomData;
import javacard.security.SecretKey;
import javacardx.crypto.Cipher;

/**
 * The PIV card application administration key (key reference 9B) with a retry counter, authenticated
 * through GENERAL AUTHENTICATE as mutual (witness + challenge) or one-way (challenge) authentication
 * (SP 800-73-4 part 2, appendix A.1/A.2). Algorithms 03 (3DES), 08/0A/0C (AES-128/192/256).
 */
final class ManagementKey {

    static final byte ALG_3DES = 0x03;
    static final byte ALG_AES128 = 0x08;
    static final byte ALG_AES192 = 0x0A;
    static final byte ALG_AES256 = 0x0C;
    static final byte MAX_TRIES = 10;

    private static final byte[] DEFAULT_3DES = {
        1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8 };

    private static final byte STATE_NONE = 0;
    private static final byte STATE_WITNESS = 1;
    private static final byte STATE_CHALLENGE = 2;

    private final DESKey des;
    private final AESKey aes128;
    private final AESKey aes192;
    private final AESKey aes256;
    private final Cipher desCipher;
    private final Cipher aesCipher;
    private final RandomData random;
    /** Expected plaintext (witness) or challenge in progress, and its state: cleared on deselect. */
    private final byte[] pending;
    private final byte[] state;
    private final byte[] scratch;
    private byte algorithm;
    private byte tries;

    ManagementKey(RandomData random) {
        this.random = random;
        des = (DESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_DES, KeyBuilder.LENGTH_DES3_3KEY, false);
        aes128 = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
        aes192 = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_192, false);
        aes256 = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_256, false);
        desCipher = Cipher.getInstance(Cipher.ALG_DES_ECB_NOPAD, false);
        aesCipher = Cipher.getInstance(Cipher.ALG_AES_BLOCK_128_ECB_NOPAD, false);
        pending = JCSystem.makeTransientByteArray((short) 16, JCSystem.CLEAR_ON_DESELECT);
        state = JCSystem.makeTransientByteArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
        scratch = JCSystem.makeTransientByteArray((short) 16, JCSystem.CLEAR_ON_DESELECT);
        setDefault();
    }

    /** Factory state: the well-known 3DES test key 0102..08 x3, to be replaced at issuance. */
    void setDefault() {
        set(ALG_3DES, DEFAULT_3DES, (short) 0, (short) 24);
        tries = MAX_TRIES;
    }

    byte algorithm() {
        return algorithm;
    }

    byte tries() {
        return tries;
    }

    static short keyLength(byte alg) {
        switch (alg) {
        case ALG_3DES:
        case ALG_AES192:
            return 24;
        case ALG_AES128:
            return 16;
        case ALG_AES256:
            return 32;
        default:
            return 0;
        }
    }

    /** Replaces the key (caller has checked authorization); resets the retry counter. */
    void set(byte alg, byte[] buf, short off, short len) {
        if (keyLength(alg) == 0 || keyLength(alg) != len) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        JCSystem.beginTransaction();
        des.clearKey();
        aes128.clearKey();
        aes192.clearKey();
        aes256.clearKey();
        if (alg == ALG_3DES) {
            des.setKey(buf, off);
        } else {
            ((AESKey) secret(alg)).setKey(buf, off);
        }
        algorithm = alg;
        tries = MAX_TRIES;
        JCSystem.commitTransaction();
        state[0] = STATE_NONE;
    }

    private SecretKey secret(byte alg) {
        switch (alg) {
        case ALG_3DES:
            return des;
        case ALG_AES128:
            return aes128;
        case ALG_AES192:
            return aes192;
        default:
            return aes256;
        }
    }

    private short blockSize() {
        return algorithm == ALG_3DES ? (short) 8 : (short) 16;
    }

    private short encrypt(byte mode, byte[] in, short inOff, byte[] out, short outOff) {
        Cipher c = algorithm == ALG_3DES ? desCipher : aesCipher;
        c.init(secret(algorithm), mode);
        return c.doFinal(in, inOff, blockSize(), out, outOff);
    }

    /**
     * Handles one GENERAL AUTHENTICATE step for key 9B. {@code tags} holds offsets and lengths of the
     * dynamic authentication template elements 80, 81, 82 (offset -1 = absent). Writes the response
     * template to {@code out} and returns its length; sets {@code auth[0]} on success.
     */
    short authenticate(byte alg, byte[] buf, short[] tags, byte[] out, boolean[] auth) {
        if (alg != algorithm && !(alg == 0 && algorithm == ALG_3DES)) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        if (tries == 0) {
            ISOException.throwIt((short) 0x6983);
        }
        short bs = blockSize();
        short witnessOff = tags[0];
        short witnessLen = tags[1];
        short challengeOff = tags[2];
        short challengeLen = tags[3];
        short responseOff = tags[4];
        short responseLen = tags[5];
        auth[0] = false;
        if (witnessOff >= 0 && witnessLen == 0 && challengeOff < 0 && responseOff < 0) {
            random.generateData(pending, (short) 0, bs);
            state[0] = STATE_WITNESS;
            out[0] = 0x7C;
            out[1] = (byte) (bs + 2);
            out[2] = (byte) 0x80;
            out[3] = (byte) bs;
            encrypt(Cipher.MODE_ENCRYPT, pending, (short) 0, out, (short) 4);
            return (short) (bs + 4);
        }
        // The empty response request (82 00) is optional here: yubico-piv-tool leaves it out.
        if (witnessOff >= 0 && witnessLen == bs && challengeOff >= 0 && challengeLen == bs
                && (responseOff < 0 || responseLen == 0)) {
            boolean ok = state[0] == STATE_WITNESS
                    && Util.arrayCompare(buf, witnessOff, pending, (short) 0, bs) == 0;
            state[0] = STATE_NONE;
            Util.arrayFillNonAtomic(pending, (short) 0, (short) pending.length, (byte) 0);
            countAttempt(ok);
            out[0] = 0x7C;
            out[1] = (byte) (bs + 2);
            out[2] = (byte) 0x82;
            out[3] = (byte) bs;
            encrypt(Cipher.MODE_ENCRYPT, buf, challengeOff, out, (short) 4);
            auth[0] = true;
            return (short) (bs + 4);
        }
        if (challengeOff >= 0 && challengeLen == 0 && witnessOff < 0 && responseOff < 0) {
            random.generateData(pending, (short) 0, bs);
            state[0] = STATE_CHALLENGE;
            out[0] = 0x7C;
            out[1] = (byte) (bs + 2);
            out[2] = (byte) 0x81;
            out[3] = (byte) bs;
            Util.arrayCopyNonAtomic(pending, (short) 0, out, (short) 4, bs);
            return (short) (bs + 4);
        }
        if (responseOff >= 0 && responseLen == bs && witnessOff < 0 && challengeOff < 0) {
            boolean ok = false;
            if (state[0] == STATE_CHALLENGE) {
                encrypt(Cipher.MODE_ENCRYPT, pending, (short) 0, scratch, (short) 0);
                ok = Util.arrayCompare(buf, responseOff, scratch, (short) 0, bs) == 0;
            }
            state[0] = STATE_NONE;
            Util.arrayFillNonAtomic(pending, (short) 0, (short) pending.length, (byte) 0);
            countAttempt(ok);
            auth[0] = true;
            return 0;
        }
        state[0] = STATE_NONE;
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return 0;
    }

    /** Counts a failed attempt (throws 6982) or restores the counter. */
    private void countAttempt(boolean ok) {
        if (ok) {
            if (tries != MAX_TRIES) {
                tries = MAX_TRIES;
            }
            return;
        }
        tries--;
        ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
}
