// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import dev.parapet.card.CardIoException;

/**
 * Card holder unique identifier (SP 800-73-4 part 1, 3.1.2): FASC-N, card GUID, expiration date, issuer
 * signature (empty: Parapet does not sign CHUIDs) and error detection code.
 *
 * @param guid the card GUID (tag 34), Parapet's card identity in the registry
 * @param expiry expiration date (tag 35)
 */
public record Chuid(UUID guid, LocalDate expiry) {

    /**
     * FASC-N for non-federal issuers (agency 9999, system 9999, credential 999999), as SP 800-73-4 part 1
     * 3.1.2 allows when the FASC-N is not used for identification.
     */
    private static final byte[] NON_FEDERAL_FASCN = {
        (byte) 0xD4, (byte) 0xE7, 0x39, (byte) 0xDA, 0x73, (byte) 0x9C, (byte) 0xED, 0x39, (byte) 0xCE, 0x73,
        (byte) 0x9D, (byte) 0x83, 0x68, 0x58, 0x21, 0x08, 0x42, 0x10, (byte) 0x84, 0x21, (byte) 0xC8, 0x42,
        0x10, (byte) 0xC3, (byte) 0xEB };
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** @return the value of data object 5FC102 */
    public byte[] encode() {
        ByteBuffer g = ByteBuffer.allocate(16);
        g.putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits());
        return Tlv.concat(Tlv.encode(0x30, NON_FEDERAL_FASCN), Tlv.encode(0x34, g.array()),
                Tlv.encode(0x35, DATE.format(expiry).getBytes(StandardCharsets.US_ASCII)),
                Tlv.encode(0x3E, new byte[0]), Tlv.encode(0xFE, new byte[0]));
    }

    /** Decodes a CHUID value, requiring GUID and expiration date. */
    public static Chuid decode(byte[] value) throws CardIoException {
        Map<Integer, byte[]> m = Tlv.decode("CHUID", value);
        byte[] g = Tlv.require("CHUID", m, 0x34);
        if (g.length != 16) {
            throw new CardIoException("CHUID: GUID of " + g.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(g);
        try {
            return new Chuid(new UUID(b.getLong(), b.getLong()),
                    LocalDate.parse(new String(Tlv.require("CHUID", m, 0x35), StandardCharsets.US_ASCII), DATE));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CardIoException("CHUID: expiration date is not YYYYMMDD", e);
        }
    }
}
