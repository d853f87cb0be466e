// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

/** The card completed a command with a status word other than 9000. */
public final class StatusWordException extends CardIoException {

    private static final long serialVersionUID = 1L;
    private final int sw;

    /**
     * @param command short name of the command (for example "VERIFY PIN"), never its data
     * @param sw the status word
     */
    public StatusWordException(String command, int sw) {
        super(String.format("%s: card answered %04X (%s)", command, sw, StatusWords.describe(sw)));
        this.sw = sw;
    }

    /** @return the status word SW1-SW2 */
    public int sw() {
        return sw;
    }

    /** @return retries left for 63Cx answers, -1 otherwise */
    public int triesLeft() {
        return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : -1;
    }
}
