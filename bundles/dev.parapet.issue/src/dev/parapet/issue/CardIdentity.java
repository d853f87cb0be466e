// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.util.HexFormat;
import java.util.Optional;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardSession;
import dev.parapet.card.piv.CardStatus;
import dev.parapet.card.piv.Chuid;
import dev.parapet.card.piv.PivCard;

/**
 * What a card says about itself: UID from the reader, serial, PIV application state, CHUID.
 *
 * @param uid UID/PUPI bytes from the reader, or the serial when the reader has no UID
 * @param uidHex hex of {@code uid}
 * @param serial serial number, if the card offers one
 * @param status Parapet applet status, if it is Parapet's applet
 * @param chuid the CHUID, if written
 * @param piv the selected PIV application
 */
public record CardIdentity(byte[] uid, String uidHex, Optional<Long> serial, Optional<CardStatus> status,
        Optional<Chuid> chuid, PivCard piv) {

    /**
     * Reads the identity: UID via FF CA, SELECT PIV, serial, status, CHUID.
     *
     * @throws CardIoException when there is no PIV application
     */
    public static CardIdentity read(CardSession session) throws CardIoException {
        Optional<byte[]> uid = session.uid();
        PivCard piv = PivCard.select(session)
                .orElseThrow(() -> new CardIoException("the card in \"" + session.reader() + "\" has no PIV application"));
        Optional<Long> serial = piv.serial();
        Optional<CardStatus> status = piv.status();
        Optional<byte[]> chuidBytes = piv.getData(PivCard.TAG_CHUID);
        Optional<Chuid> chuid = chuidBytes.isPresent() ? Optional.of(Chuid.decode(chuidBytes.get())) : Optional.empty();
        byte[] id = uid.orElseGet(() -> serial.map(s -> new byte[] { (byte) (s >> 24), (byte) (s >> 16), (byte) (s >> 8),
            (byte) (long) s }).orElse(new byte[0]));
        return new CardIdentity(id, HexFormat.of().withUpperCase().formatHex(id), serial, status, chuid, piv);
    }

    /** @return the serial as 8 hex digits, or empty */
    public String serialHex() {
        return serial.map(s -> String.format("%08X", s)).orElse("");
    }
}
