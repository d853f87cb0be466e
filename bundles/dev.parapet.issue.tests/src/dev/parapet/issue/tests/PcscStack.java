// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardReaders;
import dev.parapet.card.ReaderState;
import dev.parapet.card.tests.SimulatedPivCard;
import dev.parapet.card.tests.TypeBCardAdapter;

/**
 * The real PC/SC path for tests: pcscd with vsmartcard's vpcd driver on TCP 40000, and Parapet's applet as
 * a Type B card behind it. Production code sees reader "Virtual PCD 00 00" through javax.smartcardio exactly
 * as it would see a contactless reader.
 *
 * <p>One pcscd serves the whole test JVM: SunPCSC keeps its PC/SC context for the life of the JVM and does
 * not recover when pcscd restarts. Each test class gets a fresh card instead ({@link #insertNewCard()}).
 * pcscd is stopped by a shutdown hook, after the card.
 */
final class PcscStack {

    static final String READER = "Virtual PCD 00 00";
    static final String VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    static final byte[] PUPI = HexFormat.of().parseHex("0A0B0C0D");
    private static final int PORT = 0x9C40;
    private static PcscStack shared;

    private final Process pcscd;
    private final Path config;
    private TypeBCardAdapter card;

    private PcscStack(Process pcscd, Path config) {
        this.pcscd = pcscd;
        this.config = config;
    }

    /** @return why the stack cannot run here, or empty when it can */
    static String missing() {
        for (String p : List.of("/usr/sbin/pcscd", VPCD_DRIVER)) {
            if (!Files.exists(Path.of(p))) {
                return p + " not installed (apt-get install pcscd vsmartcard-vpcd)";
            }
        }
        if (shared == null && Files.exists(Path.of("/run/pcscd/pcscd.comm")) && ProcessHandle.allProcesses()
                .anyMatch(h -> h.info().command().orElse("").endsWith("/pcscd"))) {
            return "another pcscd is running; the test needs its own with the vpcd driver";
        }
        return "";
    }

    /** @return the JVM's stack with a freshly installed card in {@link #READER} */
    static synchronized PcscStack withNewCard() throws Exception {
        if (shared == null) {
            Path config = Files.createTempDirectory("parapet-pcsc");
            Files.writeString(config.resolve("vpcd"), "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME   /dev/null:0x9C40\n"
                    + "LIBPATH      " + VPCD_DRIVER + "\nCHANNELID    0x9C40\n");
            Process p = new ProcessBuilder("/usr/sbin/pcscd", "--foreground", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(config.resolve("pcscd.log").toFile()).start();
            shared = new PcscStack(p, config);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "pcscd-stop"));
        }
        shared.insertNewCard();
        return shared;
    }

    /** Removes the current card (if any) and connects a new one with a freshly installed applet. */
    void insertNewCard() throws Exception {
        if (card != null) {
            card.close();
            card = null;
            waitForCard(false);
        }
        for (int i = 0; i < 150 && card == null; i++) {
            try {
                card = TypeBCardAdapter.start("127.0.0.1", PORT, PUPI, SimulatedPivCard.CONTACTLESS_ADMIN, 0x50415241);
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        if (card == null) {
            throw new IllegalStateException("vpcd did not listen on port " + PORT + "; see " + config + "/pcscd.log");
        }
        waitForCard(true);
    }

    private void waitForCard(boolean present) throws Exception {
        CardReaders readers = CardReaders.system();
        String last = "";
        for (int i = 0; i < 300; i++) {
            try {
                List<ReaderState> states = readers.list();
                last = states.toString();
                for (ReaderState r : states) {
                    if (r.name().equals(READER) && r.cardPresent() == present) {
                        return;
                    }
                }
            } catch (CardIoException e) {
                last = e.getMessage() + ": " + e.getCause();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("card " + (present ? "never appeared in " : "never left ") + READER
                + " (last seen: " + last + "); see " + config + "/pcscd.log");
    }

    /** Stops the card first (jCardSim's stock client loops otherwise), then pcscd. */
    private void stop() {
        if (card != null) {
            card.close();
        }
        pcscd.destroy();
        try {
            if (!pcscd.waitFor(10, TimeUnit.SECONDS)) {
                pcscd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            pcscd.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(config)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(config);
        } catch (java.io.IOException e) {
            // a leftover temp folder is harmless
            return;
        }
    }
}
