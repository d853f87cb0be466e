// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;

import dev.parapet.card.CardSession;
import dev.parapet.card.StatusWordException;
import dev.parapet.card.piv.CardStatus;
import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.card.piv.PivAlgorithm;
import dev.parapet.card.piv.PivCard;
import dev.parapet.card.piv.PivSlot;
import dev.parapet.card.piv.Tlv;

/** Parapet's PIV applet, driven through the production PIV client over javax.smartcardio (jCardSim). */
class PivAppletTest {

    private static final byte[] DEFAULT_KEY = HexFormat.of().parseHex("010203040506070801020304050607080102030405060708");
    private static final char[] DEFAULT_PIN = "123456".toCharArray();
    private static final char[] DEFAULT_PUK = "12345678".toCharArray();

    private static PivCard open(CardSession s) throws Exception {
        return PivCard.select(s).orElseThrow();
    }

    private static PivCard admin() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 42).connect());
        piv.authenticate(ManagementKeyAlgorithm.TDES, DEFAULT_KEY);
        return piv;
    }

    @Test
    void selectAnswersApplicationPropertyTemplateWithPivPixAndAlgorithms() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 1).connect());
        Map<Integer, byte[]> apt = Tlv.decode("APT", Tlv.single("APT", 0x61, piv.propertyTemplate()));
        assertArrayEquals(HexFormat.of().parseHex("000010000100"), apt.get(0x4F));
        assertTrue(apt.containsKey(0xAC));
        assertTrue(apt.containsKey(0x79));
    }

    @Test
    void discoveryObjectIsPresentOnABlankCard() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 1).connect());
        Map<Integer, byte[]> d = Tlv.decode("discovery", piv.getData(PivCard.TAG_DISCOVERY).orElseThrow());
        assertArrayEquals(PivCard.AID, d.get(0x4F));
        assertArrayEquals(new byte[] { 0x40, 0x00 }, d.get(0x5F2F));
    }

    @Test
    void cardProvesManagementKeyInMutualAuthenticationForEveryAlgorithm() throws Exception {
        PivCard piv = admin();
        for (ManagementKeyAlgorithm alg : ManagementKeyAlgorithm.values()) {
            byte[] key = new byte[alg.keyLength()];
            Arrays.fill(key, (byte) (alg.id() + 0x21));
            piv.setManagementKey(alg, key);
            assertThrows(StatusWordException.class, () -> piv.putData(PivCard.TAG_CHUID, new byte[] { 1 }),
                    "setting a key ends the admin session");
            piv.authenticate(alg, key);
            assertEquals(alg, piv.status().orElseThrow().managementKeyAlgorithm());
            piv.putData(0x5FC109, new byte[] { 1, 2, 3 });
        }
    }

    @Test
    void wrongManagementKeyIsRejectedAndCountsDownThenResetsOnSuccess() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 1).connect());
        byte[] wrong = DEFAULT_KEY.clone();
        wrong[0] ^= 0x02; // bit 0 is a DES parity bit and would not change the key
        StatusWordException e = assertThrows(StatusWordException.class,
                () -> piv.authenticate(ManagementKeyAlgorithm.TDES, wrong));
        assertEquals(0x6982, e.sw());
        assertEquals(9, piv.status().orElseThrow().managementKeyTries());
        piv.authenticate(ManagementKeyAlgorithm.TDES, DEFAULT_KEY);
        assertEquals(10, piv.status().orElseThrow().managementKeyTries());
    }

    @Test
    void putDataWithoutManagementKeyIsRefused() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 1).connect());
        StatusWordException e = assertThrows(StatusWordException.class,
                () -> piv.putData(PivCard.TAG_CHUID, new byte[] { 0x30, 0 }));
        assertEquals(0x6982, e.sw());
    }

    @Test
    void largeObjectRoundTripsThroughCommandChainingAndGetResponse() throws Exception {
        PivCard piv = admin();
        byte[] value = new byte[2000];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        int before = piv.apduCount();
        piv.putData(PivSlot.AUTHENTICATION.certificateTag(), value);
        assertEquals(8, piv.apduCount() - before, "2008 bytes of PUT DATA in 255-byte blocks");
        assertArrayEquals(value, piv.getData(PivSlot.AUTHENTICATION.certificateTag()).orElseThrow());
    }

    @Test
    void pinCountsDownBlocksAndIsUnblockedWithThePuk() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 1).connect());
        assertEquals(3, piv.pinTriesLeft());
        StatusWordException e = assertThrows(StatusWordException.class, () -> piv.verifyPin("000000".toCharArray()));
        assertEquals(2, e.triesLeft());
        assertThrows(StatusWordException.class, () -> piv.verifyPin("000000".toCharArray()));
        assertThrows(StatusWordException.class, () -> piv.verifyPin("000000".toCharArray()));
        assertEquals(0, piv.pinTriesLeft());
        assertEquals(0x6983, assertThrows(StatusWordException.class, () -> piv.verifyPin(DEFAULT_PIN)).sw());
        piv.unblockPin(DEFAULT_PUK, "24681357".toCharArray());
        piv.verifyPin("24681357".toCharArray());
        assertEquals(-1, piv.pinTriesLeft());
    }

    @Test
    void changedPinAndPukReplaceTheFactoryValues() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 1).connect());
        piv.changePin(DEFAULT_PIN, "777777".toCharArray());
        piv.changePuk(DEFAULT_PUK, "87654321".toCharArray());
        assertThrows(StatusWordException.class, () -> piv.verifyPin(DEFAULT_PIN));
        piv.verifyPin("777777".toCharArray());
        assertThrows(StatusWordException.class, () -> piv.unblockPin(DEFAULT_PUK, "123456".toCharArray()));
        piv.unblockPin("87654321".toCharArray(), "123456".toCharArray());
    }

    @Test
    void onCardP256KeySignsADigestThatVerifiesWithTheReturnedPublicKey() throws Exception {
        PivCard piv = admin();
        PublicKey pub = piv.generate(PivSlot.AUTHENTICATION, PivAlgorithm.ECCP256);
        assertTrue(pub instanceof ECPublicKey);
        byte[] message = "challenge".getBytes();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        assertEquals(0x6982, assertThrows(StatusWordException.class,
                () -> piv.sign(PivSlot.AUTHENTICATION, PivAlgorithm.ECCP256, digest)).sw(), "9A needs the PIN");
        piv.verifyPin(DEFAULT_PIN);
        byte[] sig = piv.sign(PivSlot.AUTHENTICATION, PivAlgorithm.ECCP256, digest);
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(pub);
        v.update(message);
        assertTrue(v.verify(sig));
    }

    @Test
    void signatureSlotNeedsThePinBeforeEverySignature() throws Exception {
        PivCard piv = admin();
        piv.generate(PivSlot.SIGNATURE, PivAlgorithm.ECCP256);
        piv.verifyPin(DEFAULT_PIN);
        byte[] digest = new byte[32];
        piv.sign(PivSlot.SIGNATURE, PivAlgorithm.ECCP256, digest);
        assertEquals(0x6982, assertThrows(StatusWordException.class,
                () -> piv.sign(PivSlot.SIGNATURE, PivAlgorithm.ECCP256, digest)).sw());
        piv.verifyPin(DEFAULT_PIN);
        piv.sign(PivSlot.SIGNATURE, PivAlgorithm.ECCP256, digest);
    }

    @Test
    void onCardRsa2048KeyProducesPkcs1SignaturesThroughGetResponse() throws Exception {
        PivCard piv = admin();
        RSAPublicKey pub = (RSAPublicKey) piv.generate(PivSlot.AUTHENTICATION, PivAlgorithm.RSA2048);
        assertEquals(2048, pub.getModulus().bitLength());
        byte[] message = "rsa".getBytes();
        byte[] digestInfo = concat(HexFormat.of().parseHex("3031300d060960864801650304020105000420"),
                MessageDigest.getInstance("SHA-256").digest(message));
        byte[] block = new byte[256];
        Arrays.fill(block, (byte) 0xFF);
        block[0] = 0;
        block[1] = 1;
        block[255 - digestInfo.length] = 0;
        System.arraycopy(digestInfo, 0, block, 256 - digestInfo.length, digestInfo.length);
        piv.verifyPin(DEFAULT_PIN);
        byte[] sig = piv.sign(PivSlot.AUTHENTICATION, PivAlgorithm.RSA2048, block);
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(pub);
        v.update(message);
        assertTrue(v.verify(sig));
    }

    @Test
    void keyManagementSlotAgreesOnTheSameEcdhSecretAsTheHost() throws Exception {
        PivCard piv = admin();
        ECPublicKey cardKey = (ECPublicKey) piv.generate(PivSlot.KEY_MANAGEMENT, PivAlgorithm.ECCP256);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair host = g.generateKeyPair();
        piv.verifyPin(DEFAULT_PIN);
        byte[] cardZ = piv.ecdh(PivSlot.KEY_MANAGEMENT, (ECPublicKey) host.getPublic());
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(host.getPrivate());
        ka.doPhase(cardKey, true);
        assertArrayEquals(ka.generateSecret(), cardZ);
    }

    @Test
    void contactlessInterfaceRefusesPinAndAdminUnlessTheCardAllowsIt() throws Exception {
        SimulatedPivCard strict = SimulatedPivCard.install((byte) 0, 1);
        PivCard piv = open(strict.connectContactless());
        assertEquals(0x6982, assertThrows(StatusWordException.class, () -> piv.verifyPin(DEFAULT_PIN)).sw());
        assertEquals(0x6982, assertThrows(StatusWordException.class,
                () -> piv.authenticate(ManagementKeyAlgorithm.TDES, DEFAULT_KEY)).sw());
        assertTrue(piv.getData(PivCard.TAG_DISCOVERY).isPresent(), "discovery stays readable");
        PivCard open = open(SimulatedPivCard.install(SimulatedPivCard.CONTACTLESS_ADMIN, 1).connectContactless());
        open.verifyPin(DEFAULT_PIN);
        open.authenticate(ManagementKeyAlgorithm.TDES, DEFAULT_KEY);
    }

    @Test
    void resetIsRefusedUntilPinAndPukAreBothBlockedThenRestoresFactoryState() throws Exception {
        PivCard piv = admin();
        piv.generate(PivSlot.AUTHENTICATION, PivAlgorithm.ECCP256);
        assertEquals(0x6985, assertThrows(StatusWordException.class, piv::reset).sw());
        for (int i = 0; i < 3; i++) {
            assertThrows(StatusWordException.class, () -> piv.verifyPin("000000".toCharArray()));
            assertThrows(StatusWordException.class, () -> piv.unblockPin("00000000".toCharArray(), "111111".toCharArray()));
        }
        piv.reset();
        CardStatus s = piv.status().orElseThrow();
        assertEquals(3, s.pinTries());
        assertEquals(0, s.slotAlgorithms().get(PivSlot.AUTHENTICATION));
        piv.verifyPin(DEFAULT_PIN);
        piv.authenticate(ManagementKeyAlgorithm.TDES, DEFAULT_KEY);
        assertFalse(piv.getData(PivSlot.AUTHENTICATION.certificateTag()).isPresent());
    }

    @Test
    void statusReportsSerialFromInstallParameters() throws Exception {
        PivCard piv = open(SimulatedPivCard.install((byte) 0, 0x01020304).connect());
        assertEquals(0x01020304L, piv.serial().orElseThrow());
        assertEquals(0x01020304L, piv.status().orElseThrow().serial());
        assertEquals(BigInteger.ZERO.intValue(), piv.status().orElseThrow().slotAlgorithms().get(PivSlot.KEY_MANAGEMENT));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
