// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.parapet.card.CardReaders;
import dev.parapet.card.tests.SimulatedPivCard;
import dev.parapet.card.tests.TypeBCardAdapter;

/**
 * The real PC/SC path for tests: pcscd with vsmartcard's vpcd driver on TCP 40000, and Parapet's applet as
 * a Type B card behind it. Production code sees reader "Virtual PCD 00 00" through javax.smartcardio exactly
 * as it would see a contactless reader.
 */
final class PcscStack implements AutoCloseable {

    static final String READER = "Virtual PCD 00 00";
    static final String VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    static final byte[] PUPI = HexFormat.of().parseHex("0A0B0C0D");
    private static final int PORT = 0x9C40;

    private final Process pcscd;
    private final TypeBCardAdapter card;
    private final Path config;

    private PcscStack(Process pcscd, TypeBCardAdapter card, Path config) {
        this.pcscd = pcscd;
        this.card = card;
        this.config = config;
    }

    /** @return why the stack cannot run here, or empty when it can */
    static String missing() {
        for (String p : List.of("/usr/sbin/pcscd", VPCD_DRIVER)) {
            if (!Files.exists(Path.of(p))) {
                return p + " not installed (apt-get install pcscd vsmartcard-vpcd)";
            }
        }
        if (Files.exists(Path.of("/run/pcscd/pcscd.comm")) && ProcessHandle.allProcesses()
                .anyMatch(h -> h.info().command().orElse("").endsWith("/pcscd"))) {
            return "another pcscd is running; the test needs its own with the vpcd driver";
        }
        return "";
    }

    static PcscStack start() throws Exception {
        Path config = Files.createTempDirectory("parapet-pcsc");
        Files.writeString(config.resolve("vpcd"), "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME   /dev/null:0x9C40\n"
                + "LIBPATH      " + VPCD_DRIVER + "\nCHANNELID    0x9C40\n");
        Process pcscd = new ProcessBuilder("/usr/sbin/pcscd", "--foreground", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(config.resolve("pcscd.log").toFile()).start();
        TypeBCardAdapter card = null;
        for (int i = 0; i < 100 && card == null; i++) {
            try {
                card = TypeBCardAdapter.start("127.0.0.1", PORT, PUPI, SimulatedPivCard.CONTACTLESS_ADMIN, 0x50415241);
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        if (card == null) {
            pcscd.destroy();
            throw new IllegalStateException("vpcd did not listen on port " + PORT + "; see " + config + "/pcscd.log");
        }
        PcscStack stack = new PcscStack(pcscd, card, config);
        if (!CardReaders.system().waitFor(READER, true, 15000)) {
            stack.close();
            throw new IllegalStateException("no card in " + READER + "; see " + config + "/pcscd.log");
        }
        return stack;
    }

    /** Stops the card first (jCardSim's stock client loops otherwise), then pcscd. */
    @Override
    public void close() throws Exception {
        card.close();
        pcscd.destroy();
        if (!pcscd.waitFor(10, TimeUnit.SECONDS)) {
            pcscd.destroyForcibly();
        }
    }

    Path config() {
        return config;
    }
}
