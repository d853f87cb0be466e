// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** The one page of the bake wizard: devices, inputs (certificate folders or card registry), output, time, PINs. */
final class BakeWizardPage extends WizardPage {

	/** Environment variable holding the registry's PostgreSQL password, as for the CLI. */
	static final String REGISTRY_PASSWORD = "PARAPET_REGISTRY_PASSWORD";

	private final List<String> devices;
	private final Path fleetFolder;
	private CheckboxTableViewer deviceList;
	private Text out;
	private Text runtime;
	private Button fromFolders;
	private Button fromRegistry;
	private Text registry;
	private Text registryPassword;
	private Text cardCerts;
	private Text cardKeys;
	private Text created;
	private Text policyPin;
	private Text secureBootPin;
	private Text keyStore;
	private Text keyStoreKey;
	private Text keyStorePin;
	private Button createKeyStore;
	private Spinner jobs;

	BakeWizardPage(String fleet, List<String> devices, Path fleetFolder) {
		super("bake");
		this.devices = devices;
		this.fleetFolder = fleetFolder;
		setTitle("Bake boot images of fleet " + fleet);
		setDescription("Signed, reproducible GPT images with hv-runtime, the signed policy, key envelopes, SBOM and manifest.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(3, false));
		Label l = new Label(c, SWT.NONE);
		l.setText("Devices:");
		l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
		deviceList = CheckboxTableViewer.newCheckList(c, SWT.BORDER | SWT.V_SCROLL);
		deviceList.setContentProvider(ArrayContentProvider.getInstance());
		deviceList.setInput(devices);
		deviceList.setAllChecked(true);
		GridData list = new GridData(SWT.FILL, SWT.FILL, true, true);
		list.heightHint = 160;
		deviceList.getTable().setLayoutData(list);
		Composite buttons = new Composite(c, SWT.NONE);
		buttons.setLayout(new GridLayout(1, true));
		button(buttons, "Select All", () -> deviceList.setAllChecked(true));
		button(buttons, "Select None", () -> deviceList.setAllChecked(false));
		deviceList.addCheckStateListener(e -> validate());

		out = row(c, "Output folder:", fleetFolder.resolve("out/images").toString(), true);
		runtime = row(c, "hv-runtime EFI:", "", false);
		fromFolders = choice(c, "Cards' certificates from folders");
		fromFolders.setSelection(true);
		cardCerts = row(c, "Card 9A certificates:", fleetFolder.resolve("card-certs").toString(), true);
		cardKeys = row(c, "Card 9D certificates:", fleetFolder.resolve("card-keys").toString(), true);
		fromRegistry = choice(c, "Cards' certificates from the card registry");
		registry = row(c, "Registry path or JDBC URL:", "", false);
		registry.setMessage(".parapet/registry.mv.db or jdbc:postgresql://HOST:PORT/DB?user=USER");
		registryPassword = secret(c, "Registry password:");
		registryPassword.setMessage(System.getenv(REGISTRY_PASSWORD) != null ? "from " + REGISTRY_PASSWORD : "PostgreSQL only");
		created = row(c, "Creation time (SOURCE_DATE_EPOCH):", System.getenv().getOrDefault("SOURCE_DATE_EPOCH", ""), null);
		policyPin = secret(c, "Policy key PIN / passphrase:");
		secureBootPin = secret(c, "Secure Boot key PIN / passphrase:");
		keyStore = row(c, "Storage-key store (empty: ephemeral keys):", "", false);
		keyStoreKey = row(c, "Store master key:", "", null);
		keyStoreKey.setMessage("pkcs12:FILE#ALIAS or pkcs11:token=...;object=...");
		keyStorePin = secret(c, "Store master key PIN / passphrase:");
		new Label(c, SWT.NONE);
		createKeyStore = new Button(c, SWT.CHECK);
		createKeyStore.setText("Create the store (the fleet's first bake with a store)");
		createKeyStore.addListener(SWT.Selection, e -> validate());
		new Label(c, SWT.NONE);
		new Label(c, SWT.NONE).setText("Parallel jobs:");
		jobs = new Spinner(c, SWT.BORDER);
		jobs.setValues(Runtime.getRuntime().availableProcessors(), 1, 64, 0, 1, 4);
		new Label(c, SWT.NONE);
		setControl(c);
		validate();
	}

	/** A labelled text field; {@code folder} true/false adds a folder/file Browse button, null none. */
	private Text row(Composite c, String label, String value, Boolean folder) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setText(value);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> validate());
		if (folder == null) {
			new Label(c, SWT.NONE);
			return t;
		}
		button(c, "Browse...", () -> {
			String chosen = folder ? new DirectoryDialog(getShell()).open() : new FileDialog(getShell()).open();
			if (chosen != null) {
				t.setText(chosen);
			}
		});
		return t;
	}

	private Button choice(Composite c, String label) {
		Button b = new Button(c, SWT.RADIO);
		b.setText(label);
		b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		b.addListener(SWT.Selection, e -> validate());
		return b;
	}

	private Text secret(Composite c, String label) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER | SWT.PASSWORD);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> validate());
		new Label(c, SWT.NONE);
		return t;
	}

	private static void button(Composite c, String label, Runnable action) {
		Button b = new Button(c, SWT.PUSH);
		b.setText(label);
		b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
		b.addListener(SWT.Selection, e -> action.run());
	}

	private void validate() {
		if (fromRegistry == null || registryPassword == null) {
			return;
		}
		cardCerts.setEnabled(fromFolders.getSelection());
		cardKeys.setEnabled(fromFolders.getSelection());
		registry.setEnabled(fromRegistry.getSelection());
		registryPassword.setEnabled(fromRegistry.getSelection() && System.getenv(REGISTRY_PASSWORD) == null);
		String problem = null;
		if (deviceList.getCheckedElements().length == 0) {
			problem = "Select at least one device.";
		} else if (!Files.isRegularFile(Path.of(runtime.getText()))) {
			problem = "Choose hv-runtime's EFI binary (parapet-hv.efi).";
		} else if (fromRegistry.getSelection() && registry.getText().isBlank()) {
			problem = "Name the card registry: a path or a JDBC URL.";
		} else if (!fromRegistry.getSelection()
				&& (!Files.isDirectory(Path.of(cardCerts.getText())) || !Files.isDirectory(Path.of(cardKeys.getText())))) {
			problem = "Choose the folders of the cards' 9A and 9D certificates.";
		} else if (!created.getText().matches("\\d{1,19}")) {
			problem = "Creation time: seconds since 1970 (the wall clock is never used).";
		} else if (out.getText().isBlank()) {
			problem = "Choose an output folder.";
		} else if (!keyStore.getText().isBlank() && !keyStoreKey.getText().startsWith("pkcs12:") && !keyStoreKey.getText().startsWith("pkcs11:")) {
			problem = "Store master key: pkcs12:FILE#ALIAS or a pkcs11: URI.";
		} else if (!keyStore.getText().isBlank() && !Files.exists(Path.of(keyStore.getText())) && !createKeyStore.getSelection()) {
			problem = "The storage-key store does not exist: tick \"Create the store\" for the fleet's first bake with a store.";
		}
		setErrorMessage(problem);
		setMessage(keyStore.getText().isBlank() ? "Storage keys will be EPHEMERAL: without a storage-key store, re-baking a device gives"
				+ " its disks new keys and their data is lost." : null, WARNING);
		setPageComplete(problem == null);
	}

	/** Fills the fields (tests, and callers that know the values). */
	void fill(Path runtimeFile, Path certs, Path keys, Path output, long time, String policyPinText, String secureBootPinText) {
		runtime.setText(runtimeFile.toString());
		cardCerts.setText(certs.toString());
		cardKeys.setText(keys.toString());
		out.setText(output.toString());
		created.setText(Long.toString(time));
		policyPin.setText(policyPinText);
		secureBootPin.setText(secureBootPinText);
	}

	/** Chooses the card registry instead of the certificate folders (tests, and callers that know it). */
	void fillRegistry(String spec) {
		fromFolders.setSelection(false);
		fromRegistry.setSelection(true);
		registry.setText(spec);
		validate();
	}

	/** Chooses a storage-key store (tests, and callers that know the values). */
	void fillKeyStore(Path store, String masterKey, String pin, boolean create) {
		keyStore.setText(store.toString());
		keyStoreKey.setText(masterKey);
		keyStorePin.setText(pin);
		createKeyStore.setSelection(create);
		validate();
	}

	BakeSettings settings() {
		List<String> chosen = Arrays.stream(deviceList.getCheckedElements()).map(String.class::cast).toList();
		return new BakeSettings(chosen, Path.of(out.getText()), Path.of(runtime.getText()), Path.of(cardCerts.getText()),
				Path.of(cardKeys.getText()), Long.parseLong(created.getText()), jobs.getSelection(),
				keyStore.getText().isBlank() ? null : Path.of(keyStore.getText()), keyStore.getText().isBlank() ? null : keyStoreKey.getText(),
				createKeyStore.getSelection(), registrySpec());
	}

	/** The registry spec, relative paths against the fleet folder, or {@code null} for the certificate folders. */
	private String registrySpec() {
		if (!fromRegistry.getSelection()) {
			return null;
		}
		String spec = registry.getText().strip();
		return spec.startsWith("jdbc:") ? spec : fleetFolder.resolve(spec).toString();
	}

	/**
	 * The PINs (policy key, Secure Boot key, store master key) and the registry password (from
	 * PARAPET_REGISTRY_PASSWORD when set) as fresh arrays; the fields are cleared.
	 */
	char[][] takePins() {
		String environment = System.getenv(REGISTRY_PASSWORD);
		char[][] pins = { policyPin.getTextChars(), secureBootPin.getTextChars(), keyStorePin.getTextChars(),
				environment != null ? environment.toCharArray() : registryPassword.getTextChars() };
		registryPassword.setText("");
		policyPin.setText("");
		secureBootPin.setText("");
		keyStorePin.setText("");
		return pins;
	}
}
