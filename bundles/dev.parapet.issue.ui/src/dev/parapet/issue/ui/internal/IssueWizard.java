// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.card.ReaderState;
import dev.parapet.issue.CardIssuer;
import dev.parapet.issue.CardProfile;
import dev.parapet.issue.CardProfileParser;
import dev.parapet.issue.IssueResult;
import dev.parapet.registry.Holder;

/**
 * Issuance wizard: holder, profile and reader on the first page; finishing runs the issuance with
 * step-by-step progress (PIN and PUK are typed by the holder in dialogs).
 */
public final class IssueWizard extends Wizard {

    private final CardReaders readers;
    private final HolderPage page = new HolderPage();
    private IssueResult result;

    /** @param readers where cards are */
    public IssueWizard(CardReaders readers) {
        this.readers = readers;
        setWindowTitle("Issue Card");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    /** @return the result after a successful finish */
    public IssueResult result() {
        return result;
    }

    /**
     * Fills the holder page (tests, and callers that know the values); the reader stays the one holding a
     * card.
     */
    public void fill(String holderId, String holderName, String email, Path profileFile) {
        page.id.setText(holderId);
        page.name.setText(holderName);
        page.email.setText(email);
        page.profile.setText(profileFile.toString());
    }

    /** @return the reader the holder page chose */
    public String reader() {
        return page.reader.getText();
    }

    @Override
    public boolean performFinish() {
        String reader = page.reader.getText();
        Holder holder = new Holder(page.id.getText().strip(), page.name.getText().strip(), page.email.getText().strip());
        Path profileFile = Path.of(page.profile.getText().strip());
        try {
            CardProfile profile = CardProfileParser.parse(profileFile);
            CardIssuer issuer = StationSession.issuer(false);
            StationSession.registry().putHolder(holder);
            getContainer().run(true, false, monitor -> {
                monitor.beginTask("Issuing a card to " + holder.name(), 100);
                try (CardSession s = readers.connect(reader)) {
                    int[] last = { 0 };
                    result = issuer.issue(s, holder, profile, SecretDialog.pins(), "", (step, done, total) -> {
                        int now = done * 100 / Math.max(total, 1);
                        monitor.subTask(step);
                        monitor.worked(now - last[0]);
                        last[0] = now;
                    });
                } catch (Exception e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
            MessageDialog.openInformation(getShell(), "Card issued", "Card " + result.cardGuid() + " (UID " + result.uid()
                    + ") issued to " + holder.name() + ": " + result.certificates().size() + " certificates, proven.");
            return true;
        } catch (InvocationTargetException e) {
            page.setErrorMessage(e.getCause().getMessage());
            return false;
        } catch (Exception e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
    }

    private final class HolderPage extends WizardPage {
        private Combo reader;
        private Text id;
        private Text name;
        private Text email;
        private Text profile;

        HolderPage() {
            super("holder", "Holder, profile and card", null);
            setDescription("Who receives the card, which profile applies, and the reader holding the blank card.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            reader = new Combo(c, SWT.READ_ONLY);
            label(c, "Reader:", reader);
            try {
                for (ReaderState r : readers.list()) {
                    reader.add(r.name());
                    if (r.cardPresent() && reader.getSelectionIndex() < 0) {
                        reader.select(reader.getItemCount() - 1);
                    }
                }
            } catch (CardIoException e) {
                setErrorMessage(e.getMessage());
            }
            id = text(c, "Holder id:");
            name = text(c, "Name:");
            email = text(c, "E-mail:");
            profile = text(c, "Profile file:");
            setControl(c);
            setPageComplete(false);
        }

        private void label(Composite c, String text, org.eclipse.swt.widgets.Control control) {
            Label l = new Label(c, SWT.NONE);
            l.setText(text);
            l.moveAbove(control);
            control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }

        private Text text(Composite c, String label) {
            new Label(c, SWT.NONE).setText(label);
            Text t = new Text(c, SWT.BORDER);
            t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            t.addModifyListener(e -> setPageComplete(id != null && name != null && profile != null
                    && !id.getText().isBlank() && !name.getText().isBlank() && !profile.getText().isBlank()));
            return t;
        }
    }
}
