// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The APDU layer over a javax.smartcardio channel: ISO 7816-4 command chaining in blocks of at most 255
 * bytes, extended length only when both card and reader allow it, 61xx (GET RESPONSE) and 6Cxx (repeat
 * with the exact Le) handled here, every other status word turned into a {@link StatusWordException}.
 */
public final class ApduChannel {

    private static final int CHAIN_BIT = 0x10;
    private static final int SHORT_MAX_NC = 255;
    private static final int EXTENDED_MAX_NE = 65535;
    private static final int MAX_GET_RESPONSE = 64;

    private final CardChannel channel;
    private final boolean extendedLength;
    private final AtomicInteger sent = new AtomicInteger();

    /**
     * @param channel an open channel (T=1)
     * @param extendedLength whether card and reader both allow extended APDUs
     */
    public ApduChannel(CardChannel channel, boolean extendedLength) {
        this.channel = channel;
        this.extendedLength = extendedLength;
    }

    /** @return how many APDUs went to the card, chain links and GET RESPONSE included */
    public int apduCount() {
        return sent.get();
    }

    /** @return whether extended APDUs are used */
    public boolean extendedLength() {
        return extendedLength;
    }

    /**
     * Sends a command and requires 9000.
     *
     * @return the response data
     * @throws CardIoException on transport failure or any other status word
     */
    public byte[] transmit(Apdu apdu) throws CardIoException {
        Response r = exchange(apdu);
        if (!r.ok()) {
            throw new StatusWordException(apdu.name(), r.sw());
        }
        return r.data();
    }

    /**
     * Sends a command and returns the final status word to the caller (for VERIFY tries, for example).
     * Chain links must still answer 9000.
     */
    public Response exchange(Apdu apdu) throws CardIoException {
        byte[] data = apdu.data();
        int maxNe = extendedLength ? EXTENDED_MAX_NE : Apdu.NE_SHORT_MAX;
        int ne = Math.min(apdu.ne(), maxNe);
        if (data.length <= SHORT_MAX_NC || extendedLength) {
            return complete(apdu, send(apdu, apdu.cla(), data, 0, data.length, ne), ne);
        }
        int off = 0;
        while (data.length - off > SHORT_MAX_NC) {
            ResponseAPDU link = send(apdu, apdu.cla() | CHAIN_BIT, data, off, SHORT_MAX_NC, 0);
            if (link.getSW() != StatusWords.OK) {
                throw new StatusWordException(apdu.name() + " (chained block at offset " + off + ")", link.getSW());
            }
            off += SHORT_MAX_NC;
        }
        return complete(apdu, send(apdu, apdu.cla(), data, off, data.length - off, ne), ne);
    }

    private Response complete(Apdu apdu, ResponseAPDU first, int ne) throws CardIoException {
        ResponseAPDU r = first;
        if (r.getSW1() == 0x6C) {
            int exact = r.getSW2() == 0 ? 256 : r.getSW2();
            byte[] data = apdu.data();
            r = send(apdu, apdu.cla(), data, Math.max(0, data.length - Math.min(data.length, SHORT_MAX_NC)),
                    Math.min(data.length, SHORT_MAX_NC), exact);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(r.getData());
        int rounds = 0;
        while (r.getSW1() == 0x61) {
            if (++rounds > MAX_GET_RESPONSE) {
                throw new CardIoException(apdu.name() + ": card keeps announcing more data (61xx) beyond "
                        + out.size() + " bytes");
            }
            int le = r.getSW2() == 0 ? 256 : r.getSW2();
            r = sendRaw(apdu.name() + " (GET RESPONSE)", new CommandAPDU(0x00, 0xC0, 0x00, 0x00, le));
            out.writeBytes(r.getData());
        }
        return new Response(out.toByteArray(), r.getSW());
    }

    private ResponseAPDU send(Apdu apdu, int cla, byte[] data, int off, int len, int ne) throws CardIoException {
        CommandAPDU c = len == 0
                ? (ne > 0 ? new CommandAPDU(cla, apdu.ins(), apdu.p1(), apdu.p2(), ne)
                        : new CommandAPDU(cla, apdu.ins(), apdu.p1(), apdu.p2()))
                : (ne > 0 ? new CommandAPDU(cla, apdu.ins(), apdu.p1(), apdu.p2(), data, off, len, ne)
                        : new CommandAPDU(cla, apdu.ins(), apdu.p1(), apdu.p2(), data, off, len));
        return sendRaw(apdu.name(), c);
    }

    private ResponseAPDU sendRaw(String name, CommandAPDU c) throws CardIoException {
        sent.incrementAndGet();
        try {
            return channel.transmit(c);
        } catch (CardException | IllegalStateException e) {
            throw new CardIoException(name + ": card or reader not reachable", e);
        }
    }
}
