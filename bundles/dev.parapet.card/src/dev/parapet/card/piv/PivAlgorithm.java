// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.piv;

/** Asymmetric algorithms for on-card keys (SP 800-78-4 table 6-2). */
public enum PivAlgorithm {
    /** RSA 2048 with exponent 65537. */
    RSA2048(0x07, "rsa2048"),
    /** ECC on curve P-256. */
    ECCP256(0x11, "p256");

    private final int id;
    private final String label;

    PivAlgorithm(int id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the algorithm identifier (P1 of GENERAL AUTHENTICATE) */
    public int id() {
        return id;
    }

    /** @return the name used in profiles ("p256", "rsa2048") */
    public String label() {
        return label;
    }

    /** @param label "p256" or "rsa2048" @return the algorithm */
    public static PivAlgorithm fromLabel(String label) {
        for (PivAlgorithm a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown key algorithm \"" + label + "\" (expected p256 or rsa2048)");
    }

    /** @param id algorithm identifier @return the algorithm */
    public static PivAlgorithm fromId(int id) {
        for (PivAlgorithm a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        throw new IllegalArgumentException(String.format("unsupported algorithm %02X", id));
    }
}
