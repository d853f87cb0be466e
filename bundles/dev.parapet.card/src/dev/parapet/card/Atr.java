// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An answer-to-reset parsed far enough to find the historical bytes (ISO 7816-3 8.2) and the card
 * capabilities in them (ISO 7816-4 8.1.1.2.7). The ATR a PC/SC reader builds for a Type B card (PC/SC part 3)
 * puts ATQB application data, protocol info and MBLI/CID where historical bytes go: no category indicator,
 * no card capabilities, so such cards never claim extended-length support here.
 */
public final class Atr {

    private final byte[] bytes;
    private final byte[] historical;

    /** @param bytes the ATR as returned by the reader */
    public Atr(byte[] bytes) {
        this.bytes = bytes.clone();
        this.historical = parseHistorical(bytes);
    }

    private static byte[] parseHistorical(byte[] atr) {
        if (atr.length < 2) {
            return new byte[0];
        }
        int k = atr[1] & 0x0F;
        int y = (atr[1] >> 4) & 0x0F;
        int i = 2;
        while (true) {
            i += Integer.bitCount(y & 0x07);
            if ((y & 0x08) == 0) {
                break;
            }
            if (i >= atr.length) {
                return new byte[0];
            }
            y = (atr[i] >> 4) & 0x0F;
            i++;
        }
        if (i + k > atr.length) {
            return new byte[0];
        }
        return Arrays.copyOfRange(atr, i, i + k);
    }

    /** @return a copy of the ATR bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return a copy of the historical bytes (ATQB data for contactless Type B) */
    public byte[] historicalBytes() {
        return historical.clone();
    }

    /**
     * Whether the card declares extended Lc/Le support: compact-TLV card capabilities (tag 7, length 3),
     * third byte bit 7 (ISO 7816-4 table 118), with category indicator 80 in front.
     */
    public boolean declaresExtendedLength() {
        if (historical.length < 1 || historical[0] != (byte) 0x80) {
            return false;
        }
        int i = 1;
        while (i < historical.length) {
            int tag = (historical[i] >> 4) & 0x0F;
            int len = historical[i] & 0x0F;
            if (tag == 7 && len == 3 && i + 3 < historical.length) {
                return (historical[i + 3] & 0x40) != 0;
            }
            i += 1 + len;
        }
        return false;
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
