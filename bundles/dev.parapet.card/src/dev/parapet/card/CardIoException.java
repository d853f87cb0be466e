// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

/**
 * A card operation failed: the reader or card went away, or the card answered something that is not a
 * successful completion. Messages never contain secrets (PINs, keys, command data of sensitive commands).
 */
public class CardIoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, in words an operator understands */
    public CardIoException(String message) {
        super(message);
    }

    /** @param message what failed; @param cause the transport error */
    public CardIoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the failure means the card left the reader (or the reader itself disappeared). */
    public boolean cardRemoved() {
        Throwable t = getCause();
        while (t != null) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SCARD_W_REMOVED_CARD") || m.contains("SCARD_E_NO_SMARTCARD")
                    || m.contains("SCARD_E_READER_UNAVAILABLE") || m.contains("SCARD_W_RESET_CARD")
                    || m.contains("Card has been removed") || m.contains("card removed")
                    || m.contains("Card has been disconnected") || m.contains("No card present")) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }
}
