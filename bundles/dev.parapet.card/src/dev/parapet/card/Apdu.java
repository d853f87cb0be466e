// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

/**
 * A command APDU before transport: header, data, expected length and a name for errors. Commands whose
 * data is secret (PINs, keys, authentication cryptograms) are marked so that traces show only the header.
 *
 * @param cla class byte (chaining bit is set by the channel)
 * @param ins instruction
 * @param p1 parameter 1
 * @param p2 parameter 2
 * @param data command data (may be empty, never null)
 * @param ne expected response length, 0 = none
 * @param name what the command does, for messages
 * @param secret whether {@code data} must never be logged
 */
public record Apdu(int cla, int ins, int p1, int p2, byte[] data, int ne, String name, boolean secret) {

    /** Ne meaning "as much as the card sends" within a short APDU. */
    public static final int NE_SHORT_MAX = 256;

    /** A command with public data. */
    public static Apdu of(String name, int cla, int ins, int p1, int p2, byte[] data, int ne) {
        return new Apdu(cla, ins, p1, p2, data, ne, name, false);
    }

    /** A command whose data is secret. */
    public static Apdu secret(String name, int cla, int ins, int p1, int p2, byte[] data, int ne) {
        return new Apdu(cla, ins, p1, p2, data, ne, name, true);
    }
}
