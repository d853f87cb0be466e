// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.smartcardio.TerminalFactory;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.card.CardReaders;
import dev.parapet.card.tests.SimulatedPivCard;
import dev.parapet.issue.ui.internal.AuditPanel;
import dev.parapet.issue.ui.internal.CardsPanel;
import dev.parapet.issue.ui.internal.ReadersPanel;
import dev.parapet.registry.AuditSigner;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.Holder;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryTarget;

/** Readers, Cards and Audit panels on a real display (Xvfb in CI), with a screenshot for review. */
class IssuanceViewsTest {

    @TempDir
    Path dir;
    private Display display;
    private Shell shell;
    private Registry registry;
    private AuditSigner signer;

    @BeforeEach
    void open() throws Exception {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setText("Parapet card views");
        shell.setSize(1100, 700);
        shell.setLayout(new FillLayout());
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        signer = new AuditSigner(kp.getPrivate(), kp.getPublic());
        registry = Registry.open(RegistryTarget.embedded(dir.resolve("registry")), signer, "officer@test");
        registry.putHolder(new Holder("e1001", "Ada Lovelace", ""));
        registry.putHolder(new Holder("e1002", "Alan Turing", ""));
        for (String[] c : new String[][] { { "11111111-0000-0000-0000-000000000001", "e1001" },
            { "22222222-0000-0000-0000-000000000002", "e1002" } }) {
            long op = registry.beginOperation("issue", new CardRecord(c[0], "0A0B0C0D", "", c[1], "employee",
                    CardState.INCOMPLETE, "", "", ""), Map.of());
            registry.completeOperation(op, CardState.ISSUED, Map.of());
        }
        registry.setCardState("22222222-0000-0000-0000-000000000002", CardState.SUSPENDED, "card.suspend", Map.of());
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        registry.close();
    }

    private void until(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    @Test
    void viewsShowReadersCardsAndAnIntactAuditLog() throws Exception {
        TerminalFactory factory = SimulatedPivCard.factory("Sim Reader 0", "Sim Reader 1");
        SimulatedPivCard.install((byte) 0, 0x0BADCAFE).insert(factory, "Sim Reader 0");
        CTabFolder tabs = new CTabFolder(shell, SWT.BORDER);
        ReadersPanel readers = new ReadersPanel(tab(tabs, "Readers"), new CardReaders(factory, false));
        CardsPanel cards = new CardsPanel(tab(tabs, "Cards"), registry);
        AuditPanel audit = new AuditPanel(tab(tabs, "Audit"), registry, () -> List.of(signer.publicKey()));
        tabs.setSelection(0);
        shell.open();
        // Keeps the event loop turning while the simulated terminals report a change now and then.
        display.timerExec(200, () -> { });
        until(() -> readers.viewer().getTable().getItemCount() == 2);
        assertEquals("0BADCAFE", readers.viewer().getTable().getItem(0).getText(2), "shown in the table");
        assertEquals("present", readers.rows().get(0).card());
        assertEquals("0BADCAFE", readers.rows().get(0).uid(), "no FF CA in the simulator: serial stands in");
        assertTrue(readers.rows().get(0).piv().startsWith("blank PIV card (PIN 3, PUK 3, management key 10"),
                readers.rows().get(0).piv());
        assertEquals("no card", readers.rows().get(1).card());
        screenshot("readers");

        tabs.setSelection(1);
        cards.filter(CardState.SUSPENDED);
        assertEquals(1, cards.viewer().getTable().getItemCount());
        assertEquals("e1002", cards.viewer().getTable().getItem(0).getText(1));
        cards.filter(null);
        cards.search("e1001");
        assertEquals(1, cards.viewer().getTable().getItemCount());
        cards.search("");
        assertEquals(2, cards.viewer().getTable().getItemCount());
        screenshot("cards");

        tabs.setSelection(2);
        assertTrue(audit.verify().intact());
        assertTrue(audit.result().endsWith("chain and signatures intact"), audit.result());
        assertTrue(audit.viewer().getTable().getItemCount() >= 7);
        screenshot("audit");
    }

    private Composite tab(CTabFolder tabs, String title) {
        Composite c = new Composite(tabs, SWT.NONE);
        c.setLayout(new FillLayout());
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(c);
        return c;
    }

    /** Saves a screenshot of the X display for review (imagemagick's import; skipped without it). */
    private void screenshot(String name) throws Exception {
        shell.layout(true, true);
        long end = System.currentTimeMillis() + 700;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                Thread.sleep(20);
            }
        }
        display.update();
        Path out = Path.of(System.getProperty("parapet.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        if (Files.isExecutable(Path.of("/usr/bin/import")) && System.getenv("DISPLAY") != null) {
            new ProcessBuilder("/usr/bin/import", "-window", "root", out.resolve(name + ".png").toString())
                    .inheritIO().start().waitFor();
        }
    }
}
