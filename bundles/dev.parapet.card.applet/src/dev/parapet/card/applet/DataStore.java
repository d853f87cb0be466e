// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * PIV data objects, each stored verbatim as the BER-TLV that GET DATA returns ({@code 53 L value}, or
 * {@code 7E L value} for the discovery object). Tags: 5FC101..5FC123, 7E, and the proprietary range
 * 5FFF00..5FFF0F. Each object gets its own array, re-allocated only when it grows.
 */
final class DataStore {

    private static final short PIV_FIRST = 0x01;
    private static final short PIV_LAST = 0x23;
    private static final short PROPRIETARY = 16;
    /** Index 0 = discovery (7E); 1..0x23 = 5FC1xx; 0x24.. = 5FFF00..0F. */
    private final Object[] objects = new Object[1 + PIV_LAST + PROPRIETARY];
    private final short[] lengths = new short[1 + PIV_LAST + PROPRIETARY];
    private final short capacity;

    DataStore(short capacity) {
        this.capacity = capacity;
    }

    /**
     * Maps a tag (1 or 3 bytes) to a slot index, or -1 when the tag is not a PIV or Parapet data object.
     */
    static short index(byte[] buf, short off, short len) {
        if (len == 1 && buf[off] == 0x7E) {
            return 0;
        }
        if (len != 3 || buf[off] != 0x5F) {
            return -1;
        }
        byte b1 = buf[(short) (off + 1)];
        short b2 = (short) (buf[(short) (off + 2)] & 0xFF);
        if (b1 == (byte) 0xC1 && b2 >= PIV_FIRST && b2 <= PIV_LAST) {
            return b2;
        }
        if (b1 == (byte) 0xFF && b2 < PROPRIETARY) {
            return (short) (1 + PIV_LAST + b2);
        }
        return -1;
    }

    /**
     * Whether reading needs the PIN (SP 800-73-4 part 1 table 3: fingerprints, printed information,
     * facial image, iris; plus the protected proprietary object 5FFF01).
     */
    static boolean needsPin(short index) {
        return index == 0x03 || index == 0x08 || index == 0x09 || index == 0x21 || index == 1 + PIV_LAST + 1;
    }

    short length(short index) {
        return lengths[index];
    }

    byte[] get(short index) {
        return (byte[]) objects[index];
    }

    /** Stores {@code len} bytes (the whole TLV) or deletes the object when the value is empty. */
    void put(short index, byte[] buf, short off, short len) {
        if (len > capacity) {
            ISOException.throwIt(ISO7816.SW_FILE_FULL);
        }
        short valueLen = Ber.length(buf, (short) (off + 1));
        if (valueLen == 0) {
            lengths[index] = 0;
            return;
        }
        byte[] current = (byte[]) objects[index];
        if (current == null || current.length < len) {
            current = new byte[len];
            if (objects[index] != null && JCSystem.isObjectDeletionSupported()) {
                objects[index] = null;
                JCSystem.requestObjectDeletion();
            }
        }
        // Length 0 while copying: a card torn mid-write reads as "no object", never as a mixed one.
        lengths[index] = 0;
        Util.arrayCopyNonAtomic(buf, off, current, (short) 0, len);
        objects[index] = current;
        lengths[index] = len;
    }

    /** Forgets every object except the discovery object (card reset). */
    void clear() {
        for (short i = 1; i < (short) lengths.length; i++) {
            lengths[i] = 0;
        }
    }
}
