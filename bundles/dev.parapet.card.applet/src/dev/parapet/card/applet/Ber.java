// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/** BER-TLV length helpers in Java Card arithmetic (short only). */
final class Ber {

    private Ber() {
    }

    /** Number of bytes taken by the length field at {@code off}; rejects lengths over 0x7FFF. */
    static short lengthSize(byte[] buf, short off) {
        byte b = buf[off];
        if ((b & 0x80) == 0) {
            return 1;
        }
        if (b == (byte) 0x81) {
            return 2;
        }
        if (b == (byte) 0x82 && (buf[(short) (off + 1)] & 0x80) == 0) {
            return 3;
        }
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return 0;
    }

    /** Value of the length field at {@code off}. */
    static short length(byte[] buf, short off) {
        byte b = buf[off];
        if ((b & 0x80) == 0) {
            return b;
        }
        if (b == (byte) 0x81) {
            return (short) (buf[(short) (off + 1)] & 0xFF);
        }
        lengthSize(buf, off);
        return (short) (((buf[(short) (off + 1)] & 0x7F) << 8) | (buf[(short) (off + 2)] & 0xFF));
    }

    /** Writes a definite length at {@code off}; returns the offset after it. */
    static short writeLength(byte[] buf, short off, short len) {
        if (len < 0x80) {
            buf[off] = (byte) len;
            return (short) (off + 1);
        }
        if (len < 0x100) {
            buf[off] = (byte) 0x81;
            buf[(short) (off + 1)] = (byte) len;
            return (short) (off + 2);
        }
        buf[off] = (byte) 0x82;
        buf[(short) (off + 1)] = (byte) (len >> 8);
        buf[(short) (off + 2)] = (byte) len;
        return (short) (off + 3);
    }

    /** Size of a length field for {@code len}. */
    static short sizeOfLength(short len) {
        return len < 0x80 ? (short) 1 : len < 0x100 ? (short) 2 : (short) 3;
    }
}
