// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.tests;

import java.nio.ByteBuffer;

import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A connected card that can be pulled out: afterwards every transmission fails the way SunPCSC reports a
 * removed card (SCARD_W_REMOVED_CARD). jCardSim's own channel keeps working after removal, so tests of
 * removal at a given step need this (test only).
 */
final class RemovableCard extends Card {

    private final Card card;
    private volatile boolean removed;
    private volatile int transmissionsLeft = Integer.MAX_VALUE;

    RemovableCard(Card card) {
        this.card = card;
    }

    void remove() {
        removed = true;
    }

    /** Pulls the card out after {@code n} more transmissions have completed. */
    void removeAfter(int n) {
        transmissionsLeft = n;
    }

    @Override
    public ATR getATR() {
        return card.getATR();
    }

    @Override
    public String getProtocol() {
        return card.getProtocol();
    }

    @Override
    public CardChannel getBasicChannel() {
        CardChannel basic = card.getBasicChannel();
        return new CardChannel() {
            @Override
            public Card getCard() {
                return RemovableCard.this;
            }

            @Override
            public int getChannelNumber() {
                return basic.getChannelNumber();
            }

            @Override
            public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                check();
                return basic.transmit(command);
            }

            @Override
            public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
                check();
                return basic.transmit(command, response);
            }

            @Override
            public void close() throws CardException {
                basic.close();
            }
        };
    }

    private void check() throws CardException {
        if (transmissionsLeft-- <= 0) {
            removed = true;
        }
        if (removed) {
            throw new CardException("transmit() failed", new CardException("SCARD_W_REMOVED_CARD"));
        }
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        throw new CardException("logical channels not used");
    }

    @Override
    public void beginExclusive() throws CardException {
        card.beginExclusive();
    }

    @Override
    public void endExclusive() throws CardException {
        card.endExclusive();
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        check();
        return card.transmitControlCommand(controlCode, command);
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        if (!removed) {
            card.disconnect(reset);
        }
    }
}
