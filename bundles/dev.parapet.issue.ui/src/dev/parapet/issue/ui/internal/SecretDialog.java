// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.parapet.issue.PinSource;
import dev.parapet.issue.SecretSource;

/**
 * Asks for a secret without echo; for new PINs twice. The text widgets are cleared as soon as the value is
 * taken, and the value is returned as a char array for the caller to wipe. Usable from any thread.
 */
public final class SecretDialog extends Dialog {

    private final String prompt;
    private final boolean confirm;
    private final int min;
    private final int max;
    private Text first;
    private Text second;
    private Label error;
    private char[] value;

    private SecretDialog(Shell parent, String prompt, boolean confirm, int min, int max) {
        super(parent);
        this.prompt = prompt;
        this.confirm = confirm;
        this.min = min;
        this.max = max;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Parapet");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText(prompt + ":");
        first = new Text(c, SWT.BORDER | SWT.PASSWORD);
        first.setLayoutData(new GridData(200, SWT.DEFAULT));
        if (confirm) {
            new Label(c, SWT.NONE).setText("Again:");
            second = new Text(c, SWT.BORDER | SWT.PASSWORD);
            second.setLayoutData(new GridData(200, SWT.DEFAULT));
        }
        error = new Label(c, SWT.NONE);
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return c;
    }

    @Override
    protected void okPressed() {
        char[] a = first.getTextChars();
        first.setText("");
        if (confirm) {
            char[] b = second.getTextChars();
            second.setText("");
            boolean same = Arrays.equals(a, b);
            Arrays.fill(b, '\0');
            if (!same || a.length < min || a.length > max) {
                Arrays.fill(a, '\0');
                error.setText(same ? "Use " + min + " to " + max + " characters." : "The two entries differ.");
                return;
            }
        }
        value = a;
        super.okPressed();
    }

    private static char[] ask(String prompt, boolean confirm, int min, int max) {
        Display display = Display.getDefault();
        AtomicReference<char[]> result = new AtomicReference<>();
        display.syncExec(() -> {
            SecretDialog d = new SecretDialog(display.getActiveShell(), prompt, confirm, min, max);
            if (d.open() == IDialogConstants.OK_ID) {
                result.set(d.value);
            }
        });
        if (result.get() == null) {
            throw new IllegalStateException("cancelled: " + prompt);
        }
        return result.get();
    }

    /** @return station secrets asked in dialogs (environment variables first, as on the command line) */
    public static SecretSource secrets() {
        return (name, prompt) -> {
            String v = System.getenv(name);
            return v != null && !v.isEmpty() ? v.toCharArray() : ask(prompt, false, 0, Integer.MAX_VALUE);
        };
    }

    /** @return the holder's PIN and PUK entry in dialogs */
    public static PinSource pins() {
        return new PinSource() {
            @Override
            public char[] newSecret(String purpose, int minLength, int maxLength) {
                return ask(purpose, true, minLength, maxLength);
            }

            @Override
            public char[] existingSecret(String purpose) {
                return ask(purpose, false, 0, Integer.MAX_VALUE);
            }
        };
    }
}
