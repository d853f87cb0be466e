// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.smartcardio.TerminalFactory;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.card.piv.PivCard;
import dev.parapet.card.tests.SimulatedPivCard;
import dev.parapet.issue.Station;
import dev.parapet.issue.ui.internal.IssueWizard;
import dev.parapet.issue.ui.internal.StationSession;
import dev.parapet.issue.ui.internal.Workspaces;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;

/**
 * The issuance wizard in the running workbench on a jCardSim card: the station's passwords and the
 * holder's PIN and PUK are typed into the wizard's own dialogs (as an officer and a holder would), the
 * card ends up issued in the station's registry; screenshots under target/screenshots.
 */
class IssueWizardWorkbenchTest {

    private static final String READER = "Sim Reader 0";
    private static final String STATION_SECRET = "station-secret";
    private static final String PIN = "24681357";
    private static final String PUK = "87654321";
    private static final String PROFILE = """
            # administrators' cards: long PINs, short validity
            profile: admin
            management-key: aes256
            pin-tries: 3
            puk-tries: 3
            pin-length: 8..8
            validity-days: 90
            subject: O=Parapet Admins,C=DE
            slot: 9a p256 authentication
            slot: 9d p256 key-management
            group: admins
            """;

    /** Prompts answered, in order, for the assertions. */
    private final List<String> prompts = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private boolean answering;

    @Test
    void theWizardIssuesACardOnTheSimulatedReaderAndTheRegistryRecordsItIssued() throws Exception {
        assertTrue(List.of(Platform.getApplicationArgs()).contains("-parapetFleet"), "the pom names the station");
        Station station = Workspaces.station();
        deleteRecursively(station.folder());
        Files.createDirectories(station.folder());
        station.initialize("CN=Parapet Test CA,O=Parapet Test,C=DE", "test",
                (name, prompt) -> STATION_SECRET.toCharArray());
        Path profile = station.folder().resolve("admin.cardprofile");
        Files.writeString(profile, PROFILE);

        TerminalFactory factory = SimulatedPivCard.factory(READER);
        SimulatedPivCard.install((byte) 0, 0x00C0FFEE).insert(factory, READER);
        Display display = Display.getCurrent();
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        workbench.setBounds(display.getBounds());
        IssueWizard wizard = new IssueWizard(new CardReaders(factory, false));
        WizardDialog dialog = new WizardDialog(workbench, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.getShell().setSize(800, 500);
        assertEquals(READER, wizard.reader(), "the reader holding the card is chosen");
        wizard.fill("e1001", "Ada Lovelace", "ada@example.org", profile);
        settle(300);
        assertTrue(wizard.canFinish());
        screenshot("issue-wizard");

        answerDialogs(display);
        boolean finished = wizard.performFinish();
        answering = false;
        String error = String.valueOf(wizard.getContainer().getCurrentPage().getErrorMessage());
        dialog.close();
        assertTrue(finished, error);

        assertTrue(prompts.contains("new PIN for Ada Lovelace"), prompts.toString());
        assertTrue(prompts.contains("new PUK for Ada Lovelace"), prompts.toString());
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Card " + wizard.result().cardGuid() + " (UID 00C0FFEE) issued to Ada"
                + " Lovelace: 2 certificates, proven."), messages.get(0));
        CardRecord record = StationSession.registry().card(wizard.result().cardGuid()).orElseThrow();
        assertEquals(CardState.ISSUED, record.state());
        assertEquals("e1001", record.holderId());
        assertEquals(2, StationSession.registry().certificates(record.guid()).size());
        assertTrue(StationSession.registry().verifyAudit(StationSession.trustedKeys()).intact());
        try (CardSession s = new CardReaders(factory, false).connect(READER)) {
            PivCard piv = PivCard.select(s).orElseThrow();
            piv.verifyPin(PIN.toCharArray());
        }
    }

    /**
     * Answers every secret dialog (station passwords, the holder's new PIN and PUK, the PIN proving the
     * card) and the closing message, from the event loop the wizard's dialogs run.
     */
    private void answerDialogs(Display display) {
        answering = true;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (!shell.isDisposed() && shell.isVisible()) {
                    if (shell.getText().equals("Parapet")) {
                        answer(shell);
                    } else if (shell.getText().equals("Card issued")) {
                        messages.add(texts(shell, Label.class).stream().map(Label::getText)
                                .filter(t -> t.startsWith("Card ")).findFirst().orElse(""));
                        screenshotQuietly("issue-card-issued");
                        press(shell);
                    }
                }
            }
            if (answering && !display.isDisposed()) {
                display.timerExec(100, poll[0]);
            }
        };
        display.timerExec(100, poll[0]);
    }

    private void answer(Shell shell) {
        List<Text> fields = texts(shell, Text.class);
        if (fields.isEmpty() || !fields.get(0).getText().isEmpty()) {
            return;
        }
        String prompt = texts(shell, Label.class).get(0).getText().replaceAll(":$", "");
        prompts.add(prompt);
        if (prompt.startsWith("new PIN")) {
            screenshotQuietly("issue-new-pin");
        }
        String value = prompt.contains("PUK") ? PUK : prompt.contains("PIN") ? PIN : STATION_SECRET;
        fields.forEach(t -> t.setText(value));
        press(shell);
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (Files.exists(folder)) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void press(Shell shell) {
        Button ok = shell.getDefaultButton();
        ok.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private static <T extends Control> List<T> texts(Composite parent, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control c : parent.getChildren()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Composite composite) {
                found.addAll(texts(composite, type));
            }
        }
        return found;
    }

    private static void settle(long millis) {
        Display display = Display.getCurrent();
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.sleep();
                display.wake();
            }
        }
    }

    private static void screenshotQuietly(String name) {
        try {
            screenshot(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void screenshot(String name) throws Exception {
        Display.getCurrent().update();
        Path directory = Path.of(System.getProperty("parapet.screenshots"));
        Files.createDirectories(directory);
        new ProcessBuilder("/usr/bin/import", "-window", "root", directory.resolve(name + ".png").toString()).inheritIO()
                .start().waitFor();
    }
}
