// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.tests;

import java.security.NoSuchAlgorithmException;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;

import dev.parapet.card.CardSession;
import dev.parapet.card.applet.PivApplet;
import dev.parapet.card.piv.PivCard;
import javacard.framework.AID;

/** Parapet's PIV applet in jCardSim behind an in-process javax.smartcardio terminal (test support). */
public final class SimulatedPivCard {

    /** Applet flag: PIN and management commands allowed over contactless. */
    public static final byte CONTACTLESS_ADMIN = 0x01;

    private final CardSimulator simulator;

    private SimulatedPivCard(CardSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * @param flags applet install flags
     * @param serial serial number written at install
     * @return a card with a freshly installed applet
     */
    public static SimulatedPivCard install(byte flags, int serial) {
        CardSimulator sim = new CardSimulator();
        AID aid = AIDUtil.create(PivCard.AID);
        byte[] install = installData(flags, serial);
        sim.installApplet(aid, PivApplet.class, install, (short) 0, (byte) install.length);
        return new SimulatedPivCard(sim);
    }

    /**
     * GlobalPlatform install data for the applet: instance AID, no privileges, application parameters
     * (flags, serial).
     */
    static byte[] installData(byte flags, int serial) {
        byte[] aid = PivCard.AID;
        byte[] install = new byte[1 + aid.length + 2 + 5];
        install[0] = (byte) aid.length;
        System.arraycopy(aid, 0, install, 1, aid.length);
        int i = 1 + aid.length;
        install[i++] = 0;
        install[i++] = 5;
        install[i++] = flags;
        install[i++] = (byte) (serial >> 24);
        install[i++] = (byte) (serial >> 16);
        install[i++] = (byte) (serial >> 8);
        install[i] = (byte) serial;
        return install;
    }

    /** @return the simulator (to change protocol or remove the card) */
    public CardSimulator simulator() {
        return simulator;
    }

    /**
     * A javax.smartcardio terminal factory with simulated readers, for {@code CardReaders}.
     *
     * @param readers reader names
     */
    public static TerminalFactory factory(String... readers) {
        try {
            return TerminalFactory.getInstance("CardTerminalSimulator", readers,
                    new CardTerminalSimulator.SecurityProvider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the card into a simulated reader of {@link #factory}. */
    public void insert(TerminalFactory factory, String reader) {
        CardTerminal t = factory.terminals().getTerminal(reader);
        simulator.assignToTerminal(t);
    }

    /** Pulls the card out of its reader. */
    public void remove() {
        simulator.assignToTerminal(null);
    }

    /** A session on this card that the test can pull out mid-operation. */
    public final class Removable {
        private final RemovableCard card;

        private Removable(RemovableCard card) {
            this.card = card;
        }

        /** @return the session to hand to the code under test */
        public CardSession session() {
            return CardSession.of("jCardSim (removable)", card, false);
        }

        /** Pulls the card out: every later APDU fails as on a real reader. */
        public void remove() {
            card.remove();
        }

        /** Pulls the card out once {@code n} more APDUs have been exchanged. */
        public void removeAfter(int n) {
            card.removeAfter(n);
        }
    }

    /** Connects a session that can be interrupted by {@link Removable#remove()}. */
    public Removable connectRemovable() {
        try {
            return new Removable(new RemovableCard(CardTerminalSimulator.terminal(simulator).connect("T=1")));
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects with T=1 as a contact card. */
    public CardSession connect() {
        try {
            Card card = CardTerminalSimulator.terminal(simulator).connect("T=1");
            return CardSession.of("jCardSim", card, false);
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects as a contactless Type B card (the applet sees contactless media). */
    public CardSession connectContactless() {
        try {
            Card card = CardTerminalSimulator.terminal(simulator).connect("T=CL,TYPE_B,T1");
            return CardSession.of("jCardSim Type B", card, false);
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }
}
