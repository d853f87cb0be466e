// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.parapet.card.CardIoException;

/** BER-TLV encoding and strict decoding for PIV data objects (tags of 1 to 3 bytes, definite lengths). */
public final class Tlv {

    private Tlv() {
    }

    /** @return tag || length || value */
    public static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 8);
        writeTag(out, tag);
        writeLength(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** @return the concatenation of the given encodings */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void writeTag(ByteArrayOutputStream out, int tag) {
        if (tag > 0xFFFF) {
            out.write(tag >> 16);
        }
        if (tag > 0xFF) {
            out.write(tag >> 8);
        }
        out.write(tag);
    }

    static void writeLength(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        }
    }

    /** @return the tag bytes of {@code tag} (1 to 3) */
    public static byte[] tagBytes(int tag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTag(out, tag);
        return out.toByteArray();
    }

    /**
     * Decodes a sequence of TLVs that must fill {@code data} exactly.
     *
     * @param what name of the structure for errors
     * @return tag to value, in order; duplicate tags are an error
     */
    public static Map<Integer, byte[]> decode(String what, byte[] data) throws CardIoException {
        Map<Integer, byte[]> result = new LinkedHashMap<>();
        int i = 0;
        while (i < data.length) {
            int tag = data[i++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                do {
                    if (i >= data.length) {
                        throw new CardIoException(what + ": truncated tag");
                    }
                    tag = (tag << 8) | (data[i] & 0xFF);
                } while ((data[i++] & 0x80) != 0);
            }
            if (i >= data.length) {
                throw new CardIoException(what + ": missing length of tag " + Integer.toHexString(tag));
            }
            int len = data[i++] & 0xFF;
            if (len == 0x81 || len == 0x82) {
                int n = len - 0x80;
                if (i + n > data.length) {
                    throw new CardIoException(what + ": truncated length");
                }
                len = 0;
                for (int k = 0; k < n; k++) {
                    len = (len << 8) | (data[i++] & 0xFF);
                }
            } else if (len > 0x80) {
                throw new CardIoException(what + ": unsupported length form " + Integer.toHexString(len));
            }
            if (i + len > data.length) {
                throw new CardIoException(what + ": value of tag " + Integer.toHexString(tag) + " runs past the end");
            }
            if (result.put(tag, Arrays.copyOfRange(data, i, i + len)) != null) {
                throw new CardIoException(what + ": duplicate tag " + Integer.toHexString(tag));
            }
            i += len;
        }
        return result;
    }

    /**
     * Decodes exactly one TLV with the expected tag and returns its value.
     */
    public static byte[] single(String what, int expectedTag, byte[] data) throws CardIoException {
        Map<Integer, byte[]> m = decode(what, data);
        byte[] v = m.get(expectedTag);
        if (m.size() != 1 || v == null) {
            throw new CardIoException(what + ": expected one element with tag " + Integer.toHexString(expectedTag));
        }
        return v;
    }

    /** Returns a required element of a decoded map. */
    public static byte[] require(String what, Map<Integer, byte[]> m, int tag) throws CardIoException {
        byte[] v = m.get(tag);
        if (v == null) {
            throw new CardIoException(what + ": element " + Integer.toHexString(tag) + " missing");
        }
        return v;
    }
}
