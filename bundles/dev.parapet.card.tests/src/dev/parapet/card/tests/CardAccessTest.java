// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.smartcardio.TerminalFactory;

import org.junit.jupiter.api.Test;

import dev.parapet.card.Atr;
import dev.parapet.card.CardReaders;
import dev.parapet.card.ReaderMonitor;
import dev.parapet.card.ReaderState;
import dev.parapet.card.StatusWords;

/** Reader discovery and monitoring, ATR capabilities and status-word texts. */
class CardAccessTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void monitorReportsInsertionAndRemovalAsTheyHappen() throws Exception {
        TerminalFactory factory = SimulatedPivCard.factory("Reader A", "Reader B");
        CardReaders readers = new CardReaders(factory, false);
        LinkedBlockingQueue<List<ReaderState>> seen = new LinkedBlockingQueue<>();
        SimulatedPivCard card = SimulatedPivCard.install((byte) 0, 7);
        try (ReaderMonitor m = readers.monitor(seen::add)) {
            assertEquals(List.of(new ReaderState("Reader A", false), new ReaderState("Reader B", false)),
                    seen.poll(5, TimeUnit.SECONDS));
            card.insert(factory, "Reader B");
            assertEquals(List.of(new ReaderState("Reader A", false), new ReaderState("Reader B", true)),
                    seen.poll(5, TimeUnit.SECONDS));
            card.remove();
            assertEquals(List.of(new ReaderState("Reader A", false), new ReaderState("Reader B", false)),
                    seen.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void contactlessTypeBAtrCarriesAtqbDataNotCapabilitiesAndNeverClaimsExtendedLength() {
        Atr typeB = new Atr(TypeBCardAdapter.typeBAtr(HEX.parseHex("00000000"), HEX.parseHex("008171"), 0x80));
        assertEquals("00000000008171" + "80", HEX.formatHex(typeB.historicalBytes()),
                "PC/SC part 3: application data, protocol info, MBLI/CID in place of historical bytes");
        assertFalse(typeB.declaresExtendedLength());
    }

    @Test
    void cardCapabilitiesInHistoricalBytesDeclareExtendedLength() {
        // 3B 88 80 01, historical: 80 (category) 73 (card capabilities, 3 bytes) C0 21 C0, 5F 00 00, then TCK
        byte[] withExtended = atr("3B88800180 73C021C0 5F0000 00");
        byte[] withoutExtended = atr("3B88800180 73C02180 5F0000 00");
        assertTrue(new Atr(withExtended).declaresExtendedLength());
        assertFalse(new Atr(withoutExtended).declaresExtendedLength());
    }

    private static byte[] atr(String hex) {
        byte[] b = HEX.parseHex(hex.replace(" ", ""));
        byte tck = 0;
        for (int i = 1; i < b.length - 1; i++) {
            tck ^= b[i];
        }
        b[b.length - 1] = tck;
        return b;
    }

    @Test
    void everyStatusWordHasAnExplanation() {
        assertEquals("verification failed, 2 tries left", StatusWords.describe(0x63C2));
        assertEquals("authentication method blocked", StatusWords.describe(0x6983));
        assertEquals("wrong Le, exact length is 16", StatusWords.describe(0x6C10));
        assertEquals("unknown status", StatusWords.describe(0x6F42));
    }
}
