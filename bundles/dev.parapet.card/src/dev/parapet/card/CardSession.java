// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

import java.util.Optional;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;

/** A connection to one card: its ATR, its UID from the reader, and the APDU channel. */
public final class CardSession implements AutoCloseable {

    private final String reader;
    private final Card card;
    private final Atr atr;
    private final ApduChannel channel;

    CardSession(String reader, Card card, Atr atr, ApduChannel channel) {
        this.reader = reader;
        this.card = card;
        this.atr = atr;
        this.channel = channel;
    }

    /**
     * Wraps an already connected card (in-process simulators, tests).
     *
     * @param reader a display name
     * @param card a connected card
     * @param allowExtendedLength see {@link CardReaders#CardReaders}
     */
    public static CardSession of(String reader, Card card, boolean allowExtendedLength) {
        Atr atr = new Atr(card.getATR().getBytes());
        return new CardSession(reader, card, atr,
                new ApduChannel(card.getBasicChannel(), allowExtendedLength && atr.declaresExtendedLength()));
    }

    /** @return the reader name */
    public String reader() {
        return reader;
    }

    /** @return the answer to reset */
    public Atr atr() {
        return atr;
    }

    /** @return the APDU layer */
    public ApduChannel channel() {
        return channel;
    }

    /**
     * Reads the card's UID (ISO 14443 PUPI/UID) from the reader with the PC/SC part 3 pseudo-APDU
     * {@code FF CA 00 00 00}.
     *
     * @return the UID, or empty when the reader does not implement the command (contact readers)
     */
    public Optional<byte[]> uid() throws CardIoException {
        Response r = channel.exchange(Apdu.of("GET UID", 0xFF, 0xCA, 0x00, 0x00, new byte[0], 256));
        if (r.ok() && r.data().length > 0) {
            return Optional.of(r.data());
        }
        // Any other answer means no UID: readers that do not intercept FF CA pass it to the card, which
        // rejects class FF with whatever status word it likes (6E00, 6D00, 6986 ...).
        return Optional.empty();
    }

    /**
     * Selects an application by AID (ISO 7816-4 SELECT, first occurrence).
     *
     * @return the FCI/property template, or empty when the card does not have the application (6A82)
     */
    public Optional<byte[]> select(byte[] aid) throws CardIoException {
        Response r = channel.exchange(Apdu.of("SELECT", 0x00, 0xA4, 0x04, 0x00, aid, 256));
        if (r.ok()) {
            return Optional.of(r.data());
        }
        if (r.sw() == 0x6A82 || r.sw() == 0x6999 || r.sw() == 0x6A81) {
            return Optional.empty();
        }
        throw new StatusWordException("SELECT " + hex(aid), r.sw());
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x));
        }
        return s.toString();
    }

    /** @return whether the card is still connected (false after removal) */
    public boolean present() {
        try {
            card.getBasicChannel();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Disconnects and resets the card, so no security status (PIN, management key) outlives the session. */
    @Override
    public void close() {
        try {
            card.disconnect(true);
        } catch (CardException | IllegalStateException e) {
            // The card is gone or already disconnected: there is no security status left to reset.
            return;
        }
    }
}
