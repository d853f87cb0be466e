// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.StorageKeyStore;
import dev.parapet.image.StorageKeyStoreMasterKey;
import dev.parapet.tests.base.RegistryFixture;

/**
 * The bake wizard on the example fleet (keys and card certificates from prepare-fleet.sh, a
 * gnu-efi stand-in for hv-runtime), then the Images view verifying what it baked; screenshots
 * under target/screenshots.
 */
class ImageWorkbenchTest {

	private static Path root() {
		return Path.of(System.getProperty("parapet.root")).toAbsolutePath().normalize();
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
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

	private static void screenshot(String name) throws Exception {
		Path directory = Path.of(System.getProperty("parapet.screenshots"));
		Files.createDirectories(directory);
		String convert = Files.isExecutable(Path.of("/usr/bin/import")) ? "/usr/bin/import" : "import";
		new ProcessBuilder(convert, "-window", "root", directory.resolve(name + ".png").toString()).inheritIO().start().waitFor();
	}

	private static void sh(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
		}
	}

	@Test
	void theWizardBakesTheChosenDevicesAndTheImagesViewVerifiesThem(@TempDir Path temp) throws Exception {
		Path prep = prepare(temp);
		BakeWizard wizard = new BakeWizard(BakeHandler.load(prep.resolve("fleet")), prep.resolve("fleet"));
		WizardDialog dialog = open(wizard, 760);
		Path out = temp.resolve("images");
		wizard.page().fill(temp.resolve("efi/hello.efi"), prep.resolve("cards/9a"), prep.resolve("cards/9d"), out, 1_763_769_600L,
				"bench-pin", "bench-pin");
		settle(200);
		assertTrue(wizard.page().getMessage().contains("EPHEMERAL"), wizard.page().getMessage());
		screenshot("bake-wizard-ephemeral");
		Path master = temp.resolve("ks-master.p12");
		sh(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genseckey", "-alias", "ks", "-keyalg", "AES", "-keysize",
				"256", "-storetype", "PKCS12", "-keystore", master.toString(), "-storepass", "bench-pin", "-keypass", "bench-pin");
		Path store = temp.resolve("keys/acme.ppks");
		wizard.page().fillKeyStore(store, "pkcs12:" + master + "#ks", "bench-pin", false);
		assertFalse(wizard.canFinish(), "a missing store is not created unless asked for");
		assertTrue(wizard.page().getErrorMessage().contains("Create the store"), wizard.page().getErrorMessage());
		wizard.page().fillKeyStore(store, "pkcs12:" + master + "#ks", "bench-pin", true);
		settle(500);
		assertEquals(null, wizard.page().getMessage());
		assertTrue(wizard.canFinish(), "the filled page is complete");
		screenshot("bake-wizard");
		assertTrue(wizard.performFinish());
		dialog.close();
		assertTrue(wizard.result().ok(), wizard.result().failures().toString());
		assertEquals(15, wizard.result().images().size());
		try (StorageKeyStoreMasterKey key = StorageKeyStoreMasterKey.pkcs12(master, "ks", SecretSource.given("bench-pin".toCharArray(), "test"));
				StorageKeyStore kept = StorageKeyStore.open(store, key)) {
			assertTrue(kept.entries().size() > 1 && kept.entries().stream().allMatch(e -> e.fleet().equals("acme")), kept.entries().toString());
		}

		assertTheImagesViewVerifiesAll15("images-view");
	}

	@Test
	void theWizardBakesFromTheCardRegistryAndReportsARegistryItCannotOpen(@TempDir Path temp) throws Exception {
		Path prep = prepare(temp);
		RegistryFixture registry = new RegistryFixture(temp.resolve("registry"));
		int cards = 0;
		try (Stream<Path> certificates = Files.list(prep.resolve("cards/9a"))) {
			for (Path authentication : certificates.filter(p -> p.toString().endsWith(".pem")).sorted().toList()) {
				String uid = authentication.getFileName().toString().replace(".pem", "");
				registry.issue("card-" + uid, uid, "holder-" + uid, certificate(authentication),
						certificate(prep.resolve("cards/9d/" + uid + ".pem")));
				cards++;
			}
		}
		assertTrue(cards > 0, "prepare-fleet.sh made no cards");
		Files.move(prep.resolve("cards"), temp.resolve("cards-elsewhere"));
		BakeWizard wizard = new BakeWizard(BakeHandler.load(prep.resolve("fleet")), prep.resolve("fleet"));
		WizardDialog dialog = open(wizard, 960);
		Path out = temp.resolve("images");
		wizard.page().fill(temp.resolve("efi/hello.efi"), temp.resolve("no-9a"), temp.resolve("no-9d"), out, 1_763_769_600L,
				"bench-pin", "bench-pin");
		assertFalse(wizard.canFinish(), "without certificate folders nor a registry the page is incomplete");
		wizard.page().fillRegistry(temp.resolve("missing.mv.db").toString());
		assertTrue(wizard.canFinish(), "the registry replaces the certificate folders");
		assertFalse(wizard.performFinish(), "a registry that cannot be opened fails the bake");
		assertEquals("card registry: no registry at " + temp.resolve("missing") + ".mv.db", wizard.page().getErrorMessage());
		assertFalse(Files.exists(out), "nothing is written");
		settle(300);
		screenshot("bake-wizard-registry-missing");
		wizard.page().fill(temp.resolve("efi/hello.efi"), temp.resolve("no-9a"), temp.resolve("no-9d"), out, 1_763_769_600L,
				"bench-pin", "bench-pin");
		wizard.page().fillRegistry(registry.databaseFile().toString());
		settle(300);
		screenshot("bake-wizard-registry");
		assertTrue(wizard.performFinish(), String.valueOf(wizard.page().getErrorMessage()));
		dialog.close();
		assertTrue(wizard.result().ok(), wizard.result().failures().toString());
		assertEquals(15, wizard.result().images().size());
		assertTheImagesViewVerifiesAll15("images-view-registry");
	}

	/** Opens the wizard without blocking, over a full-screen workbench window, in a dialog of the given height. */
	private static WizardDialog open(BakeWizard wizard, int height) {
		page().getWorkbenchWindow().getShell().setBounds(Display.getCurrent().getBounds());
		WizardDialog dialog = new WizardDialog(page().getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		dialog.getShell().setSize(900, height);
		return dialog;
	}

	/** The example fleet with keys and card certificates (prepare-fleet.sh) and a stand-in EFI binary in temp/efi. */
	private static Path prepare(Path temp) throws Exception {
		Path prep = temp.resolve("prep");
		sh(root().resolve("releng/bench/bake/prepare-fleet.sh").toString(), root().resolve("examples/acme-fleet").toString(), prep.toString());
		sh("sh", root().resolve("bundles/dev.parapet.image.tests/resources/efi/build.sh").toString(), temp.resolve("efi").toString());
		return prep;
	}

	private static void assertTheImagesViewVerifiesAll15(String screenshot) throws Exception {
		ImagesView view = (ImagesView) page().showView(ImagesView.ID);
		long until = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < until && view.rows().stream().anyMatch(r -> r.report() == null)) {
			settle(200);
		}
		List<ImagesView.Row> rows = view.rows();
		assertEquals(15, rows.size());
		assertTrue(rows.stream().allMatch(r -> r.state().startsWith("verified (17 checks)")), rows.toString());
		page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		settle(500);
		screenshot(screenshot);
	}

	private static X509Certificate certificate(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}
}
