// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

import java.util.Locale;

/** PIV key slots (SP 800-73-4 part 1, table 4b) with their certificate data objects. */
public enum PivSlot {
    /** 9A PIV authentication (PIN once per session). */
    AUTHENTICATION(0x9A, 0x5FC105),
    /** 9C digital signature (PIN before every use). */
    SIGNATURE(0x9C, 0x5FC10A),
    /** 9D key management (ECDH / key transport). */
    KEY_MANAGEMENT(0x9D, 0x5FC10B),
    /** 9E card authentication (no PIN). */
    CARD_AUTHENTICATION(0x9E, 0x5FC101);

    private final int reference;
    private final int certificateTag;

    PivSlot(int reference, int certificateTag) {
        this.reference = reference;
        this.certificateTag = certificateTag;
    }

    /** @return the key reference (P2 of GENERAL AUTHENTICATE) */
    public int reference() {
        return reference;
    }

    /** @return the tag of the certificate data object */
    public int certificateTag() {
        return certificateTag;
    }

    /** @return the slot as written in profiles and on the command line ("9a") */
    public String id() {
        return String.format("%02x", reference);
    }

    /**
     * @param id "9a", "9c", "9d" or "9e" (case-insensitive)
     * @return the slot
     */
    public static PivSlot fromId(String id) {
        for (PivSlot s : values()) {
            if (s.id().equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown PIV slot \"" + id + "\" (expected 9a, 9c, 9d or 9e)");
    }
}
