// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

import java.util.Arrays;

/** Encoding of PIN and PUK reference data (SP 800-73-4 part 2, 2.4.3): ASCII, padded with FF to 8 bytes. */
final class PivPins {

    static final int SIZE = 8;

    private PivPins() {
    }

    /** PIN: 6 to 8 digits. The caller zeroizes both arrays. */
    static byte[] pin(char[] pin) {
        if (pin.length < 6 || pin.length > SIZE) {
            throw new IllegalArgumentException("a PIV PIN has 6 to 8 digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a PIV PIN has only digits");
            }
        }
        return pad(pin);
    }

    /** PUK: 6 to 8 printable ASCII characters. */
    static byte[] puk(char[] puk) {
        if (puk.length < 6 || puk.length > SIZE) {
            throw new IllegalArgumentException("a PUK has 6 to 8 characters");
        }
        for (char c : puk) {
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("a PUK has printable ASCII characters only");
            }
        }
        return pad(puk);
    }

    private static byte[] pad(char[] value) {
        byte[] b = new byte[SIZE];
        Arrays.fill(b, (byte) 0xFF);
        for (int i = 0; i < value.length; i++) {
            b[i] = (byte) value[i];
        }
        return b;
    }

    /** Concatenates two encoded references and wipes them. */
    static byte[] pair(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        Arrays.fill(a, (byte) 0);
        Arrays.fill(b, (byte) 0);
        return r;
    }
}
