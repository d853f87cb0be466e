// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/** PC/SC readers seen through javax.smartcardio: discovery, connection, insert/remove monitoring. */
public final class CardReaders {

    private final TerminalFactory factory;
    private final boolean allowExtendedLength;

    /**
     * @param factory the terminal factory (the system PC/SC one, or a simulator in tests)
     * @param allowExtendedLength whether the readers are known to pass extended APDUs; extended length is
     *        used only when this is true and the card declares support in its ATR
     */
    public CardReaders(TerminalFactory factory, boolean allowExtendedLength) {
        this.factory = factory;
        this.allowExtendedLength = allowExtendedLength;
    }

    /**
     * @return the system's PC/SC readers (pcsc-lite), short APDUs only. A new PC/SC factory each time rather
     *         than {@code TerminalFactory.getDefault()}: the default is fixed at first use of the class, so a
     *         JVM that touched javax.smartcardio before pcscd ran would never see a reader.
     */
    public static CardReaders system() {
        try {
            return new CardReaders(TerminalFactory.getInstance("PC/SC", null), false);
        } catch (NoSuchAlgorithmException e) {
            return new CardReaders(TerminalFactory.getDefault(), false);
        }
    }

    /**
     * @return every reader with whether a card is present
     * @throws CardIoException when the PC/SC service is not reachable
     */
    public List<ReaderState> list() throws CardIoException {
        List<ReaderState> result = new ArrayList<>();
        try {
            for (CardTerminal t : factory.terminals().list()) {
                result.add(new ReaderState(t.getName(), t.isCardPresent()));
            }
        } catch (CardException e) {
            if (String.valueOf(e.getCause()).contains("SCARD_E_NO_READERS_AVAILABLE")) {
                return result;
            }
            throw new CardIoException("cannot list PC/SC readers (is pcscd running?)", e);
        }
        return result;
    }

    /**
     * Connects to the card in a reader with T=1 (contactless readers always run T=1; T=0 forbids extended
     * APDUs).
     *
     * @param reader the exact reader name
     * @return an open session; close it when done
     */
    public CardSession connect(String reader) throws CardIoException {
        CardTerminal terminal = terminal(reader);
        try {
            Card card = terminal.connect("T=1");
            Atr atr = new Atr(card.getATR().getBytes());
            boolean extended = allowExtendedLength && atr.declaresExtendedLength();
            return new CardSession(reader, card, atr, new ApduChannel(card.getBasicChannel(), extended));
        } catch (CardException e) {
            throw new CardIoException("cannot connect to the card in \"" + reader + "\" with T=1", e);
        }
    }

    /**
     * Waits until a card is present (or absent) in a reader.
     *
     * @param present true to wait for insertion, false for removal
     * @param timeoutMillis 0 waits forever
     * @return whether the state was reached before the timeout
     */
    public boolean waitFor(String reader, boolean present, long timeoutMillis) throws CardIoException {
        CardTerminal t = terminal(reader);
        try {
            return present ? t.waitForCardPresent(timeoutMillis) : t.waitForCardAbsent(timeoutMillis);
        } catch (CardException e) {
            throw new CardIoException("waiting for the card in \"" + reader + "\" failed", e);
        }
    }

    CardTerminal terminal(String reader) throws CardIoException {
        CardTerminal terminal = factory.terminals().getTerminal(reader);
        if (terminal == null) {
            throw new CardIoException("no reader named \"" + reader + "\"");
        }
        return terminal;
    }

    /**
     * Starts watching all readers for card insertion and removal on a daemon thread.
     *
     * @param listener receives the state of every reader whenever something changes
     * @return the monitor; close it to stop
     */
    public ReaderMonitor monitor(ReaderMonitor.Listener listener) {
        return ReaderMonitor.start(this, factory, listener);
    }
}
