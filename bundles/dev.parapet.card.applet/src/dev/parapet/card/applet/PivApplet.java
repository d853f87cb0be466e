// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.OwnerPIN;
import javacard.framework.Util;
import javacard.security.KeyAgreement;
import javacard.security.RandomData;
import javacard.security.Signature;
import javacardx.apdu.ExtendedLength;
import javacardx.crypto.Cipher;

/**
 * Parapet's PIV card application (NIST SP 800-73-4 part 2 card commands) for Java Card 3.0.5.
 *
 * <p>Install parameters (the application-specific part of the GlobalPlatform install data):
 * byte 0 = flags (bit 0: allow PIN and card-management commands over a contactless interface without
 * secure messaging, a deliberate deviation from SP 800-73-4 needed by Type B ID-card deployments),
 * bytes 1..4 = card serial number. Without parameters: strict contactless rules, random serial.
 *
 * <p>Besides the SP 800-73-4 commands the applet answers a few widely used vendor commands so that
 * existing tools can manage it: GET VERSION (FD), GET SERIAL (F8), SET MANAGEMENT KEY (FF),
 * SET PIN RETRIES (FA) and RESET (FB, only when PIN and PUK are both blocked).
 */
public final class PivApplet extends Applet implements ExtendedLength {

    static final byte INS_GET_DATA = (byte) 0xCB;
    static final byte INS_PUT_DATA = (byte) 0xDB;
    static final byte INS_VERIFY = 0x20;
    static final byte INS_CHANGE_REFERENCE = 0x24;
    static final byte INS_RESET_RETRY = 0x2C;
    static final byte INS_GENERAL_AUTHENTICATE = (byte) 0x87;
    static final byte INS_GENERATE = 0x47;
    static final byte INS_GET_RESPONSE = (byte) 0xC0;
    static final byte INS_GET_VERSION = (byte) 0xFD;
    static final byte INS_GET_SERIAL = (byte) 0xF8;
    static final byte INS_SET_MANAGEMENT_KEY = (byte) 0xFF;
    static final byte INS_SET_PIN_RETRIES = (byte) 0xFA;
    static final byte INS_RESET = (byte) 0xFB;

    static final byte FLAG_CONTACTLESS_ADMIN = 0x01;
    /** Version reported by GET VERSION: the vendor-command compatibility level, see class comment. */
    private static final byte[] VERSION = { 5, 0, 0 };
    private static final byte[] DEFAULT_PIN = { '1', '2', '3', '4', '5', '6', (byte) 0xFF, (byte) 0xFF };
    private static final byte[] DEFAULT_PUK = { '1', '2', '3', '4', '5', '6', '7', '8' };
    private static final byte[] PIV_PIX = { 0x00, 0x00, 0x10, 0x00, 0x01, 0x00 };
    private static final byte[] PIV_RID = { (byte) 0xA0, 0x00, 0x00, 0x03, 0x08 };
    private static final byte[] LABEL = { 'P', 'a', 'r', 'a', 'p', 'e', 't', ' ', 'P', 'I', 'V' };
    /** Algorithms announced in the application property template (tag AC). */
    private static final byte[] ALGORITHMS = { 0x03, 0x08, 0x0A, 0x0C, 0x07, 0x11 };
    /** Discovery object: PIV AID + PIN usage policy 40 00 (PIV card application PIN only). */
    private static final byte[] DISCOVERY = {
        0x7E, 0x12, 0x4F, 0x0B, (byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00,
        0x5F, 0x2F, 0x02, 0x40, 0x00 };
    private static final short STATUS_TAG_LAST = 0x10;

    private static final short CHAIN_CAPACITY = 3072;
    private static final short SCRATCH = 300;
    private static final byte PIN_TRIES = 3;
    private static final byte PUK_TRIES = 3;
    private static final byte PIN_SIZE = 8;

    private static final short S_PIN = 0;
    private static final short S_PIN_ALWAYS = 1;
    private static final short S_ADMIN = 2;

    private static final short T_CHAIN_LEN = 0;
    private static final short T_CHAIN_HEADER = 1;
    private static final short T_OUT_OFF = 2;
    private static final short T_OUT_REMAINING = 3;

    private final byte flags;
    private final byte[] serial = new byte[4];
    private final DataStore store = new DataStore(CHAIN_CAPACITY);
    private final KeySlot[] slots = {
        new KeySlot((byte) 0x9A), new KeySlot((byte) 0x9C), new KeySlot((byte) 0x9D), new KeySlot((byte) 0x9E) };
    private final byte[] chain = new byte[CHAIN_CAPACITY];
    private final byte[] scratch;
    private final byte[] hashPad;
    private final short[] transientState;
    private final short[] tags;
    private final boolean[] security;
    private final boolean[] authResult;
    private final Object[] out;
    private final RandomData random;
    private final ManagementKey managementKey;
    private final Signature ecdsa;
    private final Cipher rsaRaw;
    private final KeyAgreement ecdh;
    private OwnerPIN pin;
    private OwnerPIN puk;

    private PivApplet(byte[] params, short off, short len) {
        flags = len > 0 ? params[off] : 0;
        random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);
        if (len >= 5) {
            Util.arrayCopy(params, (short) (off + 1), serial, (short) 0, (short) 4);
        } else {
            random.generateData(serial, (short) 0, (short) 4);
        }
        scratch = JCSystem.makeTransientByteArray(SCRATCH, JCSystem.CLEAR_ON_DESELECT);
        hashPad = JCSystem.makeTransientByteArray((short) 32, JCSystem.CLEAR_ON_DESELECT);
        transientState = JCSystem.makeTransientShortArray((short) 4, JCSystem.CLEAR_ON_DESELECT);
        tags = JCSystem.makeTransientShortArray((short) 8, JCSystem.CLEAR_ON_DESELECT);
        security = JCSystem.makeTransientBooleanArray((short) 3, JCSystem.CLEAR_ON_DESELECT);
        authResult = JCSystem.makeTransientBooleanArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
        out = JCSystem.makeTransientObjectArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
        managementKey = new ManagementKey(random);
        ecdsa = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
        rsaRaw = Cipher.getInstance(Cipher.ALG_RSA_NOPAD, false);
        ecdh = KeyAgreement.getInstance(KeyAgreement.ALG_EC_SVDP_DH_PLAIN, false);
        pin = new OwnerPIN(PIN_TRIES, PIN_SIZE);
        puk = new OwnerPIN(PUK_TRIES, PIN_SIZE);
        pin.update(DEFAULT_PIN, (short) 0, PIN_SIZE);
        puk.update(DEFAULT_PUK, (short) 0, PIN_SIZE);
        store.put((short) 0, DISCOVERY, (short) 0, (short) DISCOVERY.length);
    }

    /**
     * Java Card entry point. {@code bArray} holds GlobalPlatform install data (instance AID, privileges,
     * application parameters); an empty array selects the defaults.
     */
    public static void install(byte[] bArray, short bOffset, byte bLength) {
        short paramsOff = 0;
        short paramsLen = 0;
        short aidOff = 0;
        byte aidLen = 0;
        if (bLength > 0) {
            aidLen = bArray[bOffset];
            aidOff = (short) (bOffset + 1);
            short p = (short) (aidOff + aidLen);
            p = (short) (p + 1 + bArray[p]);
            paramsLen = bArray[p];
            paramsOff = (short) (p + 1);
        }
        PivApplet applet = new PivApplet(bArray, paramsOff, paramsLen);
        if (aidLen > 0) {
            applet.register(bArray, aidOff, aidLen);
        } else {
            applet.register();
        }
    }

    @Override
    public void process(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        if (selectingApplet()) {
            resetTransientState();
            sendPropertyTemplate(apdu, buf);
            return;
        }
        byte cla = buf[ISO7816.OFFSET_CLA];
        if ((cla & (byte) 0xEF) != 0) {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
        byte ins = buf[ISO7816.OFFSET_INS];
        if (ins == INS_GET_RESPONSE) {
            continueResponse(apdu);
            return;
        }
        out[0] = null;
        transientState[T_OUT_REMAINING] = 0;
        byte[] data = receive(apdu, buf, (cla & 0x10) != 0);
        if (data == null) {
            return;
        }
        short dataOff = data == chain ? 0 : apdu.getOffsetCdata();
        short dataLen = data == chain ? transientState[T_CHAIN_LEN] : apdu.getIncomingLength();
        transientState[T_CHAIN_LEN] = 0;
        switch (ins) {
        case INS_GET_DATA:
            getData(apdu, buf, data, dataOff, dataLen);
            break;
        case INS_PUT_DATA:
            putData(buf, data, dataOff, dataLen);
            break;
        case INS_VERIFY:
            verify(buf, data, dataOff, dataLen);
            break;
        case INS_CHANGE_REFERENCE:
            changeReference(buf, data, dataOff, dataLen);
            break;
        case INS_RESET_RETRY:
            resetRetryCounter(buf, data, dataOff, dataLen);
            break;
        case INS_GENERAL_AUTHENTICATE:
            generalAuthenticate(apdu, buf, data, dataOff, dataLen);
            break;
        case INS_GENERATE:
            generate(apdu, buf, data, dataOff, dataLen);
            break;
        case INS_GET_VERSION:
            send(apdu, VERSION, (short) 0, (short) 3);
            break;
        case INS_GET_SERIAL:
            send(apdu, serial, (short) 0, (short) 4);
            break;
        case INS_SET_MANAGEMENT_KEY:
            setManagementKey(buf, data, dataOff, dataLen);
            break;
        case INS_SET_PIN_RETRIES:
            setPinRetries(buf);
            break;
        case INS_RESET:
            reset();
            break;
        default:
            ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
    }

    @Override
    public void deselect() {
        resetTransientState();
    }

    private void resetTransientState() {
        security[S_PIN] = false;
        security[S_PIN_ALWAYS] = false;
        security[S_ADMIN] = false;
        transientState[T_CHAIN_LEN] = 0;
        transientState[T_OUT_REMAINING] = 0;
        out[0] = null;
    }

    /**
     * Receives the command data. Short unchained commands stay in the APDU buffer; chained and extended
     * ones are collected in the chain buffer (ISO 7816-4 5.1.1.1). Returns null for a non-final chain link.
     */
    private byte[] receive(APDU apdu, byte[] buf, boolean chained) {
        short received = apdu.setIncomingAndReceive();
        short total = apdu.getIncomingLength();
        short dataOff = apdu.getOffsetCdata();
        short header = Util.getShort(buf, ISO7816.OFFSET_INS);
        short chainLen = transientState[T_CHAIN_LEN];
        if (chainLen > 0 && header != transientState[T_CHAIN_HEADER]) {
            transientState[T_CHAIN_LEN] = 0;
            ISOException.throwIt((short) 0x6883);
        }
        if (!chained && chainLen == 0 && (short) (dataOff + total) <= (short) buf.length) {
            while (received < total) {
                received += apdu.receiveBytes((short) (dataOff + received));
            }
            return buf;
        }
        if ((short) (chainLen + total) > CHAIN_CAPACITY || (short) (chainLen + total) < 0) {
            transientState[T_CHAIN_LEN] = 0;
            ISOException.throwIt(ISO7816.SW_FILE_FULL);
        }
        short copied = 0;
        while (true) {
            Util.arrayCopyNonAtomic(buf, dataOff, chain, (short) (chainLen + copied), received);
            copied += received;
            if (copied >= total) {
                break;
            }
            received = apdu.receiveBytes(dataOff);
        }
        transientState[T_CHAIN_LEN] = (short) (chainLen + total);
        if (chained) {
            transientState[T_CHAIN_HEADER] = header;
            return null;
        }
        return chain;
    }

    /** Sends {@code len} bytes, continuing with 61xx + GET RESPONSE when Le is shorter. */
    private void send(APDU apdu, byte[] src, short off, short len) {
        out[0] = src;
        transientState[T_OUT_OFF] = off;
        transientState[T_OUT_REMAINING] = len;
        continueResponse(apdu);
    }

    private void continueResponse(APDU apdu) {
        byte[] src = (byte[]) out[0];
        short remaining = transientState[T_OUT_REMAINING];
        if (src == null || remaining == 0) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        short le = outgoingLimit(apdu);
        short n = le < remaining ? le : remaining;
        apdu.setOutgoingLength(n);
        apdu.sendBytesLong(src, transientState[T_OUT_OFF], n);
        transientState[T_OUT_OFF] += n;
        remaining -= n;
        transientState[T_OUT_REMAINING] = remaining;
        if (remaining > 0) {
            ISOException.throwIt((short) (ISO7816.SW_BYTES_REMAINING_00 | (remaining > 255 ? 0 : remaining)));
        }
        out[0] = null;
    }

    /**
     * Le of the command; without Le (case 3, as yubico-piv-tool sends GENERAL AUTHENTICATE) up to 256
     * bytes are returned anyway, as deployed PIV cards do, instead of only announcing them with 61xx.
     */
    private static short outgoingLimit(APDU apdu) {
        short le = apdu.setOutgoing();
        return le == 0 ? (short) 256 : le;
    }

    private void sendPropertyTemplate(APDU apdu, byte[] buf) {
        short off = 0;
        buf[off++] = 0x61;
        short lenOff = off++;
        buf[off++] = 0x4F;
        buf[off++] = (byte) PIV_PIX.length;
        off = Util.arrayCopyNonAtomic(PIV_PIX, (short) 0, buf, off, (short) PIV_PIX.length);
        buf[off++] = 0x79;
        buf[off++] = (byte) (PIV_RID.length + 2);
        buf[off++] = 0x4F;
        buf[off++] = (byte) PIV_RID.length;
        off = Util.arrayCopyNonAtomic(PIV_RID, (short) 0, buf, off, (short) PIV_RID.length);
        buf[off++] = 0x50;
        buf[off++] = (byte) LABEL.length;
        off = Util.arrayCopyNonAtomic(LABEL, (short) 0, buf, off, (short) LABEL.length);
        buf[off++] = (byte) 0xAC;
        buf[off++] = (byte) (ALGORITHMS.length * 3 + 2);
        for (short i = 0; i < (short) ALGORITHMS.length; i++) {
            buf[off++] = (byte) 0x80;
            buf[off++] = 0x01;
            buf[off++] = ALGORITHMS[i];
        }
        buf[off++] = 0x06;
        buf[off++] = 0x00;
        buf[lenOff] = (byte) (off - 2);
        short le = outgoingLimit(apdu);
        short n = le < off ? le : off;
        apdu.setOutgoingLength(n);
        apdu.sendBytes((short) 0, n);
    }

    private boolean contactless() {
        byte media = (byte) (APDU.getProtocol() & APDU.PROTOCOL_MEDIA_MASK);
        return media == APDU.PROTOCOL_MEDIA_CONTACTLESS_TYPE_A || media == APDU.PROTOCOL_MEDIA_CONTACTLESS_TYPE_B;
    }

    /** SP 800-73-4 allows PIN entry and card management only over the contact interface (without VCI). */
    private void requireInterfaceForPrivilegedUse() {
        if (contactless() && (flags & FLAG_CONTACTLESS_ADMIN) == 0) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    private void requireAdmin() {
        requireInterfaceForPrivilegedUse();
        if (!security[S_ADMIN]) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    private static void requireP1P2(byte[] buf, short p1p2) {
        if (Util.getShort(buf, ISO7816.OFFSET_P1) != p1p2) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
    }

    private void getData(APDU apdu, byte[] buf, byte[] data, short off, short len) {
        requireP1P2(buf, (short) 0x3FFF);
        if (len < 3 || data[off] != 0x5C || data[(short) (off + 1)] != (byte) (len - 2)) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short tagOff = (short) (off + 2);
        short tagLen = (short) (len - 2);
        if (tagLen == 3 && data[tagOff] == 0x5F && data[(short) (tagOff + 1)] == (byte) 0xFF
                && data[(short) (tagOff + 2)] == STATUS_TAG_LAST) {
            sendStatus(apdu);
            return;
        }
        short index = DataStore.index(data, tagOff, tagLen);
        if (index < 0) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        if (contactless() && (flags & FLAG_CONTACTLESS_ADMIN) == 0 && index != 0 && index != 0x01 && index != 0x02) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        if (DataStore.needsPin(index) && !security[S_PIN]) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        short objLen = store.length(index);
        if (objLen == 0) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        send(apdu, store.get(index), (short) 0, objLen);
    }

    /** Parapet card status 5FFF10: tries left, management key algorithm, serial, version, slot algorithms. */
    private void sendStatus(APDU apdu) {
        byte[] s = scratch;
        short o = 0;
        s[o++] = 0x53;
        o++;
        s[o++] = (byte) 0x80;
        s[o++] = 1;
        s[o++] = pin.getTriesRemaining();
        s[o++] = (byte) 0x81;
        s[o++] = 1;
        s[o++] = puk.getTriesRemaining();
        s[o++] = (byte) 0x82;
        s[o++] = 1;
        s[o++] = managementKey.tries();
        s[o++] = (byte) 0x83;
        s[o++] = 1;
        s[o++] = managementKey.algorithm();
        s[o++] = (byte) 0x84;
        s[o++] = 4;
        o = Util.arrayCopyNonAtomic(serial, (short) 0, s, o, (short) 4);
        s[o++] = (byte) 0x85;
        s[o++] = 1;
        s[o++] = flags;
        s[o++] = (byte) 0x86;
        s[o++] = 4;
        for (short i = 0; i < (short) slots.length; i++) {
            s[o++] = slots[i].algorithm();
        }
        s[1] = (byte) (o - 2);
        send(apdu, s, (short) 0, o);
    }

    private void putData(byte[] buf, byte[] data, short off, short len) {
        requireP1P2(buf, (short) 0x3FFF);
        requireAdmin();
        if (len < 2) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        if (data[off] == 0x7E) {
            requireWholeTlv(data, off, len);
            store.put((short) 0, data, off, len);
            return;
        }
        if (data[off] != 0x5C) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short tagLen = data[(short) (off + 1)];
        short valueOff = (short) (off + 2 + tagLen);
        short index = DataStore.index(data, (short) (off + 2), tagLen);
        if (index <= 0 || (short) (valueOff + 2) > (short) (off + len) || data[valueOff] != 0x53) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        requireWholeTlv(data, valueOff, (short) (off + len - valueOff));
        store.put(index, data, valueOff, (short) (off + len - valueOff));
    }

    private static void requireWholeTlv(byte[] data, short off, short len) {
        short l = Ber.length(data, (short) (off + 1));
        if ((short) (1 + Ber.lengthSize(data, (short) (off + 1)) + l) != len) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
    }

    private static void requirePinFormat(byte[] data, short off) {
        short i = 0;
        while (i < PIN_SIZE && data[(short) (off + i)] >= '0' && data[(short) (off + i)] <= '9') {
            i++;
        }
        if (i < 6) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        for (; i < PIN_SIZE; i++) {
            if (data[(short) (off + i)] != (byte) 0xFF) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
        }
    }

    private static void throwTries(OwnerPIN p) {
        byte left = p.getTriesRemaining();
        ISOException.throwIt(left == 0 ? (short) 0x6983 : (short) (0x63C0 | left));
    }

    private void verify(byte[] buf, byte[] data, short off, short len) {
        byte p1 = buf[ISO7816.OFFSET_P1];
        if (buf[ISO7816.OFFSET_P2] != (byte) 0x80 || (p1 != 0 && p1 != (byte) 0xFF)) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        if (p1 == (byte) 0xFF) {
            if (len != 0) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            pin.reset();
            security[S_PIN] = false;
            security[S_PIN_ALWAYS] = false;
            return;
        }
        requireInterfaceForPrivilegedUse();
        if (len == 0) {
            if (security[S_PIN] && pin.isValidated()) {
                return;
            }
            throwTries(pin);
        }
        if (len != PIN_SIZE) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (pin.getTriesRemaining() == 0) {
            ISOException.throwIt((short) 0x6983);
        }
        if (!pin.check(data, off, PIN_SIZE)) {
            security[S_PIN] = false;
            security[S_PIN_ALWAYS] = false;
            throwTries(pin);
        }
        security[S_PIN] = true;
        security[S_PIN_ALWAYS] = true;
    }

    private void changeReference(byte[] buf, byte[] data, short off, short len) {
        byte p2 = buf[ISO7816.OFFSET_P2];
        if (buf[ISO7816.OFFSET_P1] != 0 || (p2 != (byte) 0x80 && p2 != (byte) 0x81)) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        requireInterfaceForPrivilegedUse();
        if (len != 2 * PIN_SIZE) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        OwnerPIN ref = p2 == (byte) 0x80 ? pin : puk;
        if (ref.getTriesRemaining() == 0) {
            ISOException.throwIt((short) 0x6983);
        }
        if (p2 == (byte) 0x80) {
            requirePinFormat(data, (short) (off + PIN_SIZE));
        }
        if (!ref.check(data, off, PIN_SIZE)) {
            throwTries(ref);
        }
        ref.update(data, (short) (off + PIN_SIZE), PIN_SIZE);
        if (p2 == (byte) 0x80) {
            security[S_PIN] = false;
            security[S_PIN_ALWAYS] = false;
        }
    }

    private void resetRetryCounter(byte[] buf, byte[] data, short off, short len) {
        requireP1P2(buf, (short) 0x0080);
        requireInterfaceForPrivilegedUse();
        if (len != 2 * PIN_SIZE) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (puk.getTriesRemaining() == 0) {
            ISOException.throwIt((short) 0x6983);
        }
        requirePinFormat(data, (short) (off + PIN_SIZE));
        if (!puk.check(data, off, PIN_SIZE)) {
            throwTries(puk);
        }
        pin.update(data, (short) (off + PIN_SIZE), PIN_SIZE);
        pin.resetAndUnblock();
        security[S_PIN] = false;
        security[S_PIN_ALWAYS] = false;
    }

    /** Collects offsets/lengths of 80, 81, 82, 85 inside the dynamic authentication template 7C. */
    private void parseTemplate(byte[] data, short off, short len) {
        for (short i = 0; i < 8; i++) {
            tags[i] = -1;
        }
        short end = (short) (off + len);
        if (len < 2 || data[off] != 0x7C) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short p = (short) (off + 1);
        short inner = Ber.length(data, p);
        p += Ber.lengthSize(data, p);
        if ((short) (p + inner) != end) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        while (p < end) {
            byte tag = data[p++];
            if (p >= end) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            short l = Ber.length(data, p);
            p += Ber.lengthSize(data, p);
            if ((short) (p + l) > end || l < 0) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            short slot;
            switch (tag) {
            case (byte) 0x80:
                slot = 0;
                break;
            case (byte) 0x81:
                slot = 2;
                break;
            case (byte) 0x82:
                slot = 4;
                break;
            case (byte) 0x85:
                slot = 6;
                break;
            default:
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
                return;
            }
            tags[slot] = p;
            tags[(short) (slot + 1)] = l;
            p += l;
        }
    }

    private KeySlot slot(byte reference) {
        for (short i = 0; i < (short) slots.length; i++) {
            if (slots[i].reference() == reference) {
                return slots[i];
            }
        }
        ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        return null;
    }

    private void generalAuthenticate(APDU apdu, byte[] buf, byte[] data, short off, short len) {
        byte alg = buf[ISO7816.OFFSET_P1];
        byte ref = buf[ISO7816.OFFSET_P2];
        parseTemplate(data, off, len);
        if (ref == (byte) 0x9B) {
            requireInterfaceForPrivilegedUse();
            security[S_ADMIN] = false;
            short n = managementKey.authenticate(alg, data, tags, scratch, authResult);
            security[S_ADMIN] = authResult[0];
            if (n > 0) {
                send(apdu, scratch, (short) 0, n);
            }
            return;
        }
        KeySlot key = slot(ref);
        if (ref != (byte) 0x9E) {
            requireInterfaceForPrivilegedUse();
            if (!security[S_PIN] || (ref == (byte) 0x9C && !security[S_PIN_ALWAYS])) {
                ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
            }
        }
        if (tags[4] < 0 || tags[5] != 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short n;
        if (tags[2] >= 0 && tags[6] < 0) {
            n = key.privateOperation(alg, data, tags[2], tags[3], ecdsa, rsaRaw, hashPad, scratch, (short) 8);
        } else if (tags[6] >= 0 && tags[2] < 0 && ref == (byte) 0x9D) {
            n = key.agree(alg, data, tags[6], tags[7], ecdh, scratch, (short) 8);
        } else {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            return;
        }
        if (ref == (byte) 0x9C) {
            security[S_PIN_ALWAYS] = false;
        }
        short innerLen = (short) (1 + Ber.sizeOfLength(n) + n);
        short start = (short) (8 - 1 - Ber.sizeOfLength(n) - 1 - Ber.sizeOfLength(innerLen));
        scratch[start] = 0x7C;
        short p = Ber.writeLength(scratch, (short) (start + 1), innerLen);
        scratch[p++] = (byte) 0x82;
        Ber.writeLength(scratch, p, n);
        send(apdu, scratch, start, (short) (8 - start + n));
    }

    private void generate(APDU apdu, byte[] buf, byte[] data, short off, short len) {
        if (buf[ISO7816.OFFSET_P1] != 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        KeySlot key = slot(buf[ISO7816.OFFSET_P2]);
        requireAdmin();
        if (len < 5 || data[off] != (byte) 0xAC || data[(short) (off + 1)] != (byte) (len - 2)
                || data[(short) (off + 2)] != (byte) 0x80 || data[(short) (off + 3)] != 1) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short n = key.generate(data[(short) (off + 4)], scratch);
        send(apdu, scratch, (short) 0, n);
    }

    private void setManagementKey(byte[] buf, byte[] data, short off, short len) {
        byte p2 = buf[ISO7816.OFFSET_P2];
        if (buf[ISO7816.OFFSET_P1] != (byte) 0xFF || (p2 != (byte) 0xFF && p2 != (byte) 0xFE)) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        requireAdmin();
        if (len < 3 || data[(short) (off + 1)] != (byte) 0x9B || data[(short) (off + 2)] != (byte) (len - 3)) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        managementKey.set(data[off], data, (short) (off + 3), (short) (len - 3));
        security[S_ADMIN] = false;
    }

    private void setPinRetries(byte[] buf) {
        byte pinTries = buf[ISO7816.OFFSET_P1];
        byte pukTries = buf[ISO7816.OFFSET_P2];
        requireAdmin();
        if (!security[S_PIN]) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        if (pinTries < 1 || pinTries > 15 || pukTries < 1 || pukTries > 15) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        replacePins(pinTries, pukTries);
        security[S_PIN] = false;
        security[S_PIN_ALWAYS] = false;
    }

    private void replacePins(byte pinTries, byte pukTries) {
        OwnerPIN newPin = new OwnerPIN(pinTries, PIN_SIZE);
        OwnerPIN newPuk = new OwnerPIN(pukTries, PIN_SIZE);
        newPin.update(DEFAULT_PIN, (short) 0, PIN_SIZE);
        newPuk.update(DEFAULT_PUK, (short) 0, PIN_SIZE);
        JCSystem.beginTransaction();
        pin = newPin;
        puk = newPuk;
        JCSystem.commitTransaction();
        if (JCSystem.isObjectDeletionSupported()) {
            JCSystem.requestObjectDeletion();
        }
    }

    /** Factory reset, allowed only once both PIN and PUK are blocked (nobody can use the card any more). */
    private void reset() {
        requireInterfaceForPrivilegedUse();
        if (pin.getTriesRemaining() != 0 || puk.getTriesRemaining() != 0) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        for (short i = 0; i < (short) slots.length; i++) {
            slots[i].clear();
        }
        store.clear();
        managementKey.setDefault();
        replacePins(PIN_TRIES, PUK_TRIES);
        resetTransientState();
    }
}
