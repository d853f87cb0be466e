// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

/** Meanings of ISO 7816-4 and SP 800-73-4 status words, for error messages. */
public final class StatusWords {

    /** Normal completion. */
    public static final int OK = 0x9000;

    private StatusWords() {
    }

    /**
     * @param sw a status word
     * @return a short explanation; never empty
     */
    public static String describe(int sw) {
        if ((sw & 0xFF00) == 0x6100) {
            return (sw & 0xFF) + " more response bytes available";
        }
        if ((sw & 0xFFF0) == 0x63C0) {
            return "verification failed, " + (sw & 0x0F) + " tries left";
        }
        if ((sw & 0xFF00) == 0x6C00) {
            return "wrong Le, exact length is " + (sw & 0xFF);
        }
        return switch (sw) {
        case 0x9000 -> "success";
        case 0x6281 -> "returned data may be corrupted";
        case 0x6300 -> "verification failed";
        case 0x6581 -> "memory failure";
        case 0x6700 -> "wrong length";
        case 0x6882 -> "secure messaging not supported";
        case 0x6883 -> "last command of the chain expected";
        case 0x6884 -> "command chaining not supported";
        case 0x6982 -> "security status not satisfied (PIN or management key authentication missing, or interface not allowed)";
        case 0x6983 -> "authentication method blocked";
        case 0x6984 -> "reference data not usable";
        case 0x6985 -> "conditions of use not satisfied";
        case 0x6986 -> "command not allowed";
        case 0x6A80 -> "incorrect data field";
        case 0x6A81 -> "function not supported";
        case 0x6A82 -> "data object or application not found";
        case 0x6A84 -> "not enough memory on the card";
        case 0x6A86 -> "incorrect P1-P2";
        case 0x6A88 -> "referenced data or key not found";
        case 0x6B00 -> "wrong parameters P1-P2";
        case 0x6D00 -> "instruction not supported";
        case 0x6E00 -> "class not supported";
        case 0x6F00 -> "card internal error";
        default -> "unknown status";
        };
    }
}
