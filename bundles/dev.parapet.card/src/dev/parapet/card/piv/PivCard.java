// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import dev.parapet.card.Apdu;
import dev.parapet.card.ApduChannel;
import dev.parapet.card.CardIoException;
import dev.parapet.card.CardSession;
import dev.parapet.card.Response;
import dev.parapet.card.StatusWordException;

/**
 * Client of a PIV card application (NIST SP 800-73-4 part 2 card commands) over the APDU layer. Secrets
 * passed in (PIN, PUK, management key) are copied into command buffers that are wiped after use; the
 * caller owns and wipes its own arrays.
 */
public final class PivCard {

    /** PIV card application AID (with version). */
    public static final byte[] AID = {
        (byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00 };
    /** CHUID data object. */
    public static final int TAG_CHUID = 0x5FC102;
    /** Discovery object. */
    public static final int TAG_DISCOVERY = 0x7E;
    /** Card capability container. */
    public static final int TAG_CCC = 0x5FC107;
    /** Parapet applet status (proprietary range). */
    public static final int TAG_PARAPET_STATUS = 0x5FFF10;

    private static final int CLA = 0x00;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApduChannel channel;
    private final byte[] properties;

    private PivCard(ApduChannel channel, byte[] properties) {
        this.channel = channel;
        this.properties = properties;
    }

    /**
     * Selects the PIV application.
     *
     * @return the client, or empty when the card has no PIV application
     */
    public static Optional<PivCard> select(CardSession session) throws CardIoException {
        return session.select(AID).map(apt -> new PivCard(session.channel(), apt));
    }

    /** @return the application property template returned by SELECT (tag 61) */
    public byte[] propertyTemplate() {
        return properties.clone();
    }

    /** @return APDUs sent on this channel so far */
    public int apduCount() {
        return channel.apduCount();
    }

    /**
     * GET DATA.
     *
     * @param tag data object tag (for example {@link #TAG_CHUID})
     * @return the object's value (inside tag 53, or the whole 7E template for discovery), empty if absent
     */
    public Optional<byte[]> getData(int tag) throws CardIoException {
        byte[] tagBytes = Tlv.tagBytes(tag);
        Response r = channel.exchange(Apdu.of("GET DATA " + Integer.toHexString(tag).toUpperCase(), CLA, 0xCB,
                0x3F, 0xFF, Tlv.encode(0x5C, tagBytes), 256));
        if (r.sw() == 0x6A82) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new StatusWordException("GET DATA " + Integer.toHexString(tag).toUpperCase(), r.sw());
        }
        if (tag == TAG_DISCOVERY) {
            return Optional.of(Tlv.single("discovery object", 0x7E, r.data()));
        }
        return Optional.of(Tlv.single("data object " + Integer.toHexString(tag), 0x53, r.data()));
    }

    /** PUT DATA of a data object (value goes inside tag 53); needs management key authentication. */
    public void putData(int tag, byte[] value) throws CardIoException {
        byte[] data = tag == TAG_DISCOVERY ? Tlv.encode(0x7E, value)
                : Tlv.concat(Tlv.encode(0x5C, Tlv.tagBytes(tag)), Tlv.encode(0x53, value));
        channel.transmit(Apdu.of("PUT DATA " + Integer.toHexString(tag).toUpperCase(), CLA, 0xDB, 0x3F, 0xFF, data, 0));
    }

    /**
     * Writes a certificate into the slot's container (70 cert, 71 info = 00 uncompressed, FE LRC).
     */
    public void writeCertificate(PivSlot slot, X509Certificate certificate) throws CardIoException {
        try {
            putData(slot.certificateTag(), Tlv.concat(Tlv.encode(0x70, certificate.getEncoded()),
                    Tlv.encode(0x71, new byte[] { 0 }), Tlv.encode(0xFE, new byte[0])));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** Reads the certificate of a slot, if any. */
    public Optional<X509Certificate> readCertificate(PivSlot slot) throws CardIoException {
        Optional<byte[]> v = getData(slot.certificateTag());
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, byte[]> m = Tlv.decode("certificate object of slot " + slot.id(), v.get());
        byte[] info = m.get(0x71);
        if (info != null && info.length == 1 && info[0] != 0) {
            throw new CardIoException("certificate of slot " + slot.id() + " is compressed; not supported");
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Tlv.require("certificate object", m, 0x70))));
        } catch (CertificateException e) {
            throw new CardIoException("certificate of slot " + slot.id() + " is not a valid X.509 certificate", e);
        }
    }

    /**
     * PIN tries left without presenting a PIN (VERIFY with no data).
     *
     * @return tries left; {@code -1} when the PIN is already verified in this session
     */
    public int pinTriesLeft() throws CardIoException {
        Response r = channel.exchange(Apdu.of("VERIFY (status)", CLA, 0x20, 0x00, 0x80, new byte[0], 0));
        if (r.ok()) {
            return -1;
        }
        if ((r.sw() & 0xFFF0) == 0x63C0) {
            return r.sw() & 0x0F;
        }
        if (r.sw() == 0x6983) {
            return 0;
        }
        throw new StatusWordException("VERIFY (status)", r.sw());
    }

    /** VERIFY the PIV application PIN. */
    public void verifyPin(char[] pin) throws CardIoException {
        byte[] data = PivPins.pin(pin);
        try {
            channel.transmit(Apdu.secret("VERIFY PIN", CLA, 0x20, 0x00, 0x80, data, 0));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /** CHANGE REFERENCE DATA of the PIN. */
    public void changePin(char[] oldPin, char[] newPin) throws CardIoException {
        changeReference("CHANGE PIN", 0x80, PivPins.pair(PivPins.pin(oldPin), PivPins.pin(newPin)));
    }

    /** CHANGE REFERENCE DATA of the PUK. */
    public void changePuk(char[] oldPuk, char[] newPuk) throws CardIoException {
        changeReference("CHANGE PUK", 0x81, PivPins.pair(PivPins.puk(oldPuk), PivPins.puk(newPuk)));
    }

    private void changeReference(String name, int reference, byte[] data) throws CardIoException {
        try {
            channel.transmit(Apdu.secret(name, CLA, 0x24, 0x00, reference, data, 0));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /** RESET RETRY COUNTER: unblocks the PIN with the PUK and sets a new PIN. */
    public void unblockPin(char[] puk, char[] newPin) throws CardIoException {
        byte[] data = PivPins.pair(PivPins.puk(puk), PivPins.pin(newPin));
        try {
            channel.transmit(Apdu.secret("RESET RETRY COUNTER", CLA, 0x2C, 0x00, 0x80, data, 0));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * Mutual authentication with the card management key 9B (SP 800-73-4 part 2, appendix A.2): the card
     * proves knowledge of the key too, so a substituted card is detected.
     *
     * @param key the key bytes; not retained
     */
    public void authenticate(ManagementKeyAlgorithm algorithm, byte[] key) throws CardIoException {
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException("management key must be " + algorithm.keyLength() + " bytes");
        }
        int bs = algorithm.blockSize();
        byte[] witnessTemplate = channel.transmit(Apdu.of("GENERAL AUTHENTICATE 9B (witness)", CLA, 0x87,
                algorithm.id(), 0x9B, new byte[] { 0x7C, 0x02, (byte) 0x80, 0x00 }, 256));
        byte[] encryptedWitness = Tlv.require("witness", Tlv.decode("witness",
                Tlv.single("GENERAL AUTHENTICATE response", 0x7C, witnessTemplate)), 0x80);
        if (encryptedWitness.length != bs) {
            throw new CardIoException("GENERAL AUTHENTICATE 9B: witness of " + encryptedWitness.length + " bytes");
        }
        byte[] witness = null;
        byte[] challenge = new byte[bs];
        RANDOM.nextBytes(challenge);
        byte[] request = null;
        try {
            witness = crypt(algorithm, key, Cipher.DECRYPT_MODE, encryptedWitness);
            request = Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x80, witness), Tlv.encode(0x81, challenge),
                    Tlv.encode(0x82, new byte[0])));
            byte[] answer = channel.transmit(Apdu.secret("GENERAL AUTHENTICATE 9B (response)", CLA, 0x87,
                    algorithm.id(), 0x9B, request, 256));
            byte[] cardResponse = Tlv.require("response", Tlv.decode("response",
                    Tlv.single("GENERAL AUTHENTICATE response", 0x7C, answer)), 0x82);
            byte[] expected = crypt(algorithm, key, Cipher.ENCRYPT_MODE, challenge);
            if (!MessageDigest.isEqual(expected, cardResponse)) {
                throw new CardIoException("the card failed to prove knowledge of the management key"
                        + " (not the card it claims to be)");
            }
        } finally {
            if (witness != null) {
                Arrays.fill(witness, (byte) 0);
            }
            if (request != null) {
                Arrays.fill(request, (byte) 0);
            }
        }
    }

    private static byte[] crypt(ManagementKeyAlgorithm algorithm, byte[] key, int mode, byte[] block) {
        try {
            Cipher c = Cipher.getInstance(algorithm.jcaName() + "/ECB/NoPadding");
            c.init(mode, new SecretKeySpec(key, algorithm.jcaName()));
            return c.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jcaName() + " unavailable in this JRE", e);
        }
    }

    /**
     * Replaces the management key (vendor command FF, answered by Parapet's applet and compatible cards);
     * needs management key authentication.
     */
    public void setManagementKey(ManagementKeyAlgorithm algorithm, byte[] key) throws CardIoException {
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException("management key must be " + algorithm.keyLength() + " bytes");
        }
        byte[] data = new byte[3 + key.length];
        data[0] = (byte) algorithm.id();
        data[1] = (byte) 0x9B;
        data[2] = (byte) key.length;
        System.arraycopy(key, 0, data, 3, key.length);
        try {
            channel.transmit(Apdu.secret("SET MANAGEMENT KEY", CLA, 0xFF, 0xFF, 0xFF, data, 0));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * Sets PIN and PUK retry limits (vendor command FA). Resets PIN and PUK to the factory values, so it
     * comes before setting the holder's PIN. Needs management key authentication and a verified PIN.
     */
    public void setPinRetries(int pinTries, int pukTries) throws CardIoException {
        if (pinTries < 1 || pinTries > 15 || pukTries < 1 || pukTries > 15) {
            throw new IllegalArgumentException("retry limits must be 1..15");
        }
        channel.transmit(Apdu.of("SET PIN RETRIES", CLA, 0xFA, pinTries, pukTries, new byte[0], 0));
    }

    /** Factory reset (vendor command FB); the card accepts it only when PIN and PUK are both blocked. */
    public void reset() throws CardIoException {
        channel.transmit(Apdu.of("RESET", CLA, 0xFB, 0x00, 0x00, new byte[0], 0));
    }

    /**
     * GENERATE ASYMMETRIC KEY PAIR; needs management key authentication.
     *
     * @return the new public key
     */
    public PublicKey generate(PivSlot slot, PivAlgorithm algorithm) throws CardIoException {
        byte[] template = Tlv.encode(0xAC, Tlv.encode(0x80, new byte[] { (byte) algorithm.id() }));
        byte[] answer = channel.transmit(Apdu.of("GENERATE " + slot.id() + " " + algorithm.label(), CLA, 0x47, 0x00,
                slot.reference(), template, 512));
        Map<Integer, byte[]> m = Tlv.decode("public key", Tlv.single("GENERATE response", 0x7F49, answer));
        try {
            if (algorithm == PivAlgorithm.ECCP256) {
                return ecPublicKey(Tlv.require("public key", m, 0x86));
            }
            KeyFactory kf = KeyFactory.getInstance("RSA");
            return kf.generatePublic(new RSAPublicKeySpec(new BigInteger(1, Tlv.require("public key", m, 0x81)),
                    new BigInteger(1, Tlv.require("public key", m, 0x82))));
        } catch (GeneralSecurityException e) {
            throw new CardIoException("GENERATE " + slot.id() + ": the card returned an invalid public key", e);
        }
    }

    /** Decodes an uncompressed P-256 point. */
    public static ECPublicKey ecPublicKey(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 0x04) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }

    /** Encodes a P-256 public key as an uncompressed point. */
    public static byte[] ecPoint(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        copyFixed(key.getW().getAffineX(), out, 1);
        copyFixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copyFixed(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }

    /**
     * Private-key operation for authentication or signature (GENERAL AUTHENTICATE with 81): for ECC the
     * input is the hash (the card returns a DER ECDSA signature), for RSA the 256-byte padded block.
     */
    public byte[] sign(PivSlot slot, PivAlgorithm algorithm, byte[] input) throws CardIoException {
        byte[] request = Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x82, new byte[0]), Tlv.encode(0x81, input)));
        byte[] answer = channel.transmit(Apdu.of("GENERAL AUTHENTICATE " + slot.id() + " (sign)", CLA, 0x87,
                algorithm.id(), slot.reference(), request, 512));
        return Tlv.require("signature", Tlv.decode("signature", Tlv.single("GENERAL AUTHENTICATE", 0x7C, answer)),
                0x82);
    }

    /** ECDH with the slot's key (GENERAL AUTHENTICATE with 85); returns the shared secret Z. */
    public byte[] ecdh(PivSlot slot, ECPublicKey peer) throws CardIoException {
        byte[] request = Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x82, new byte[0]), Tlv.encode(0x85, ecPoint(peer))));
        byte[] answer = channel.transmit(Apdu.of("GENERAL AUTHENTICATE " + slot.id() + " (ECDH)", CLA, 0x87,
                PivAlgorithm.ECCP256.id(), slot.reference(), request, 256));
        return Tlv.require("shared secret", Tlv.decode("ECDH", Tlv.single("GENERAL AUTHENTICATE", 0x7C, answer)),
                0x82);
    }

    /** Serial number (vendor command F8), empty when the card does not offer it. */
    public Optional<Long> serial() throws CardIoException {
        Response r = channel.exchange(Apdu.of("GET SERIAL", CLA, 0xF8, 0x00, 0x00, new byte[0], 256));
        if (!r.ok() || r.data().length != 4) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(1, r.data()).longValue());
    }

    /**
     * Status of Parapet's applet (tries left for PIN, PUK and management key, slot algorithms); empty on
     * other PIV cards.
     */
    public Optional<CardStatus> status() throws CardIoException {
        Optional<byte[]> v = getData(TAG_PARAPET_STATUS);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, byte[]> m = Tlv.decode("card status", v.get());
        byte[] slots = Tlv.require("card status", m, 0x86);
        if (slots.length != 4) {
            throw new CardIoException("card status: slot list of " + slots.length + " bytes");
        }
        Map<PivSlot, Integer> algs = new EnumMap<>(PivSlot.class);
        PivSlot[] order = { PivSlot.AUTHENTICATION, PivSlot.SIGNATURE, PivSlot.KEY_MANAGEMENT,
            PivSlot.CARD_AUTHENTICATION };
        for (int i = 0; i < 4; i++) {
            algs.put(order[i], slots[i] & 0xFF);
        }
        return Optional.of(new CardStatus(one(m, 0x80), one(m, 0x81), one(m, 0x82),
                ManagementKeyAlgorithm.fromId(one(m, 0x83)),
                new BigInteger(1, Tlv.require("card status", m, 0x84)).longValue(),
                (one(m, 0x85) & 1) != 0, algs));
    }

    private static int one(Map<Integer, byte[]> m, int tag) throws CardIoException {
        byte[] v = Tlv.require("card status", m, tag);
        if (v.length != 1) {
            throw new CardIoException("card status: element " + Integer.toHexString(tag) + " is not one byte");
        }
        return v[0] & 0xFF;
    }
}
