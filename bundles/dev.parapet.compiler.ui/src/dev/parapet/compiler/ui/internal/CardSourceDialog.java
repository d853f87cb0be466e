// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.util.Arrays;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Where the Compile action reads the allowed cards' 9A certificates: the fleet's {@code card-certs} folder
 * or the card registry (exactly one). The registry password is taken from PARAPET_REGISTRY_PASSWORD when
 * set, else from this dialog; it is never stored.
 */
public final class CardSourceDialog extends TitleAreaDialog {

	/** Environment variable holding the PostgreSQL password, as for the CLI. */
	public static final String PASSWORD_VARIABLE = "PARAPET_REGISTRY_PASSWORD";

	private Button folder;
	private Button registry;
	private Text location;
	private Text password;
	private String chosenRegistry;
	private char[] chosenPassword = new char[0];

	public CardSourceDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Compile");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle("Card certificates");
		setMessage("Read the allowed cards' 9A certificates from one source.");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new GridLayout(2, false));
		folder = new Button(body, SWT.RADIO);
		folder.setText("Certificate folder (card-certs in the fleet folder)");
		folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		folder.setSelection(true);
		registry = new Button(body, SWT.RADIO);
		registry.setText("Card registry");
		registry.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		new Label(body, SWT.NONE).setText("Registry path or JDBC URL:");
		location = new Text(body, SWT.BORDER);
		location.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		location.setMessage(".parapet/registry.mv.db or jdbc:postgresql://HOST:PORT/DB?user=USER");
		new Label(body, SWT.NONE).setText("Registry password:");
		password = new Text(body, SWT.BORDER | SWT.PASSWORD);
		password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		password.setMessage(System.getenv(PASSWORD_VARIABLE) != null ? "from " + PASSWORD_VARIABLE : "PostgreSQL only");
		registry.addListener(SWT.Selection, event -> update());
		folder.addListener(SWT.Selection, event -> update());
		location.addListener(SWT.Modify, event -> update());
		update();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		update();
	}

	private void update() {
		boolean fromRegistry = registry.getSelection();
		location.setEnabled(fromRegistry);
		password.setEnabled(fromRegistry && System.getenv(PASSWORD_VARIABLE) == null);
		boolean complete = !fromRegistry || !location.getText().isBlank();
		setErrorMessage(complete ? null : "Name the card registry: a path or a JDBC URL.");
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(complete);
		}
	}

	/** Chooses the card registry at {@code spec} (as a user would, for tests and presets). */
	public void chooseRegistry(String spec) {
		registry.setSelection(true);
		folder.setSelection(false);
		location.setText(spec);
		update();
	}

	@Override
	protected void okPressed() {
		if (registry.getSelection()) {
			chosenRegistry = location.getText().strip();
			String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
			chosenPassword = fromEnvironment != null ? fromEnvironment.toCharArray() : password.getTextChars();
		}
		password.setText("");
		super.okPressed();
	}

	/** @return the registry spec, or null when the certificate folder was chosen */
	public String registry() {
		return chosenRegistry;
	}

	/** @return the registry password; the caller wipes it */
	public char[] password() {
		return chosenPassword;
	}

	/** Wipes the password this dialog handed out. */
	public void wipe() {
		Arrays.fill(chosenPassword, '\0');
	}
}
