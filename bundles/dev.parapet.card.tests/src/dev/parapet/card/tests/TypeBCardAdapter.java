// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card.tests;

import java.io.IOException;
import java.util.HexFormat;

import com.licel.jcardsim.base.CardManager;
import com.licel.jcardsim.base.Simulator;
import com.licel.jcardsim.base.SimulatorRuntime;
import com.licel.jcardsim.remote.VSmartCardTCPProtocol;
import com.licel.jcardsim.utils.AIDUtil;

import dev.parapet.card.applet.PivApplet;
import dev.parapet.card.piv.PivCard;

/**
 * Parapet's PIV applet as an ISO 14443 Type B card behind vsmartcard's vpcd reader driver, doing what a
 * contactless PC/SC reader adds: the ATR built from ATQB per PC/SC part 3 (3B 88 80 01, application data,
 * protocol info, MBLI/CID, TCK) and the reader's answer to {@code FF CA 00 00} (the PUPI). Test support.
 */
public final class TypeBCardAdapter implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String TYPE_B = "T=CL,TYPE_B,T1";

    private final VSmartCardTCPProtocol vpcd = new VSmartCardTCPProtocol();
    private final Simulator simulator;
    private final byte[] atr;
    private final byte[] pupi;
    private final Thread thread;
    private volatile boolean running = true;

    private TypeBCardAdapter(byte[] pupi, byte[] atr, Simulator simulator) {
        this.pupi = pupi;
        this.atr = atr;
        this.simulator = simulator;
        this.thread = new Thread(this::serve, "type-b-card");
        thread.setDaemon(true);
    }

    /**
     * PC/SC part 3 ATR of a Type B card: 3B 88 80 01, ATQB application data (4), protocol info (3),
     * MBLI/CID byte, TCK.
     */
    public static byte[] typeBAtr(byte[] applicationData, byte[] protocolInfo, int mbliCid) {
        byte[] atr = new byte[13];
        atr[0] = 0x3B;
        atr[1] = (byte) 0x88;
        atr[2] = (byte) 0x80;
        atr[3] = 0x01;
        System.arraycopy(applicationData, 0, atr, 4, 4);
        System.arraycopy(protocolInfo, 0, atr, 8, 3);
        atr[11] = (byte) mbliCid;
        byte tck = 0;
        for (int i = 1; i < 12; i++) {
            tck ^= atr[i];
        }
        atr[12] = tck;
        return atr;
    }

    /**
     * Installs a fresh applet and connects it to vpcd.
     *
     * @param port vpcd's TCP port (35963 by default, 40000 with DEVICENAME /dev/null:0x9C40)
     * @param pupi the card's PUPI (4 bytes)
     * @param flags applet flags ({@link SimulatedPivCard#CONTACTLESS_ADMIN})
     * @param serial card serial number
     */
    public static TypeBCardAdapter start(String host, int port, byte[] pupi, byte flags, int serial)
            throws IOException {
        byte[] atr = typeBAtr(HEX.parseHex("00000000"), HEX.parseHex("008171"), 0x80);
        System.setProperty("com.licel.jcardsim.card.ATR", HEX.formatHex(atr));
        Simulator sim = new Simulator(new SimulatorRuntime());
        sim.changeProtocol(TYPE_B);
        byte[] install = SimulatedPivCard.installData(flags, serial);
        sim.installApplet(AIDUtil.create(PivCard.AID), PivApplet.class, install, (short) 0, (byte) install.length);
        TypeBCardAdapter a = new TypeBCardAdapter(pupi.clone(), atr, sim);
        a.vpcd.connect(host, port);
        a.thread.start();
        return a;
    }

    /** @return the ATR the reader reports */
    public byte[] atr() {
        return atr.clone();
    }

    private void serve() {
        try {
            while (running) {
                int cmd = vpcd.readCommand();
                switch (cmd) {
                case VSmartCardTCPProtocol.POWER_ON, VSmartCardTCPProtocol.RESET -> {
                    simulator.reset();
                    simulator.changeProtocol(TYPE_B);
                }
                case VSmartCardTCPProtocol.GET_ATR -> vpcd.writeData(atr);
                case VSmartCardTCPProtocol.APDU -> {
                    byte[] c = vpcd.readData();
                    vpcd.writeData(c.length >= 4 && c[0] == (byte) 0xFF ? reader(c) : CardManager.dispatchApdu(simulator, c));
                }
                default -> {
                    // POWER_OFF and unknown commands need no answer
                }
                }
            }
        } catch (IOException | RuntimeException e) {
            running = false;
        }
    }

    /** PC/SC part 3 GET DATA (FF CA 00 00 Le): the PUPI; anything else with class FF is not supported. */
    private byte[] reader(byte[] c) {
        if (c[1] != (byte) 0xCA || c[2] != 0 || c[3] != 0) {
            return new byte[] { 0x6A, (byte) 0x81 };
        }
        int le = c.length >= 5 ? c[4] & 0xFF : 0;
        if (le != 0 && le < pupi.length) {
            return new byte[] { 0x6C, (byte) pupi.length };
        }
        byte[] r = new byte[pupi.length + 2];
        System.arraycopy(pupi, 0, r, 0, pupi.length);
        r[pupi.length] = (byte) 0x90;
        return r;
    }

    /** Disconnects from vpcd (the reader then reports no card). */
    @Override
    public void close() {
        running = false;
        vpcd.disconnect();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the card until killed: {@code TypeBCardAdapter port pupiHex [flags] [serial]}.
     */
    public static void main(String[] args) throws Exception {
        byte flags = args.length > 2 ? (byte) Integer.parseInt(args[2]) : SimulatedPivCard.CONTACTLESS_ADMIN;
        int serial = args.length > 3 ? (int) Long.parseLong(args[3], 16) : 0x12345678;
        TypeBCardAdapter started = null;
        for (int i = 0; started == null; i++) {
            try {
                started = start("127.0.0.1", Integer.parseInt(args[0]), HEX.parseHex(args[1]), flags, serial);
            } catch (IOException e) {
                if (i == 300) {
                    throw e;
                }
                Thread.sleep(100); // vpcd listens only once pcscd has loaded the driver
            }
        }
        try (TypeBCardAdapter a = started) {
            System.out.println("Type B card " + args[1] + " ATR " + HEX.formatHex(a.atr()) + " on vpcd port " + args[0]);
            a.thread.join();
        }
    }
}
