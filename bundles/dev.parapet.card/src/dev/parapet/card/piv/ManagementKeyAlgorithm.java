// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

/** Algorithms of the card management key 9B (SP 800-78-4 table 6-1). */
public enum ManagementKeyAlgorithm {
    /** Three-key Triple DES. */
    TDES(0x03, 24, 8, "DESede", "3des"),
    /** AES-128. */
    AES128(0x08, 16, 16, "AES", "aes128"),
    /** AES-192. */
    AES192(0x0A, 24, 16, "AES", "aes192"),
    /** AES-256. */
    AES256(0x0C, 32, 16, "AES", "aes256");

    private final int id;
    private final int keyLength;
    private final int blockSize;
    private final String jcaName;
    private final String label;

    ManagementKeyAlgorithm(int id, int keyLength, int blockSize, String jcaName, String label) {
        this.id = id;
        this.keyLength = keyLength;
        this.blockSize = blockSize;
        this.jcaName = jcaName;
        this.label = label;
    }

    /** @return algorithm identifier (P1) */
    public int id() {
        return id;
    }

    /** @return key length in bytes */
    public int keyLength() {
        return keyLength;
    }

    /** @return cipher block size in bytes (witness and challenge length) */
    public int blockSize() {
        return blockSize;
    }

    /** @return JCA algorithm name */
    public String jcaName() {
        return jcaName;
    }

    /** @return the name used in profiles */
    public String label() {
        return label;
    }

    /** @param label "3des", "aes128", "aes192" or "aes256" @return the algorithm */
    public static ManagementKeyAlgorithm fromLabel(String label) {
        for (ManagementKeyAlgorithm a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown management key algorithm \"" + label
                + "\" (expected 3des, aes128, aes192 or aes256)");
    }

    /** @param id identifier @return the algorithm */
    public static ManagementKeyAlgorithm fromId(int id) {
        for (ManagementKeyAlgorithm a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        throw new IllegalArgumentException(String.format("unknown management key algorithm %02X", id));
    }
}
