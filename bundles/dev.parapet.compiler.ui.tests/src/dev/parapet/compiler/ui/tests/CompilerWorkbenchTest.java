// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.compiler.ui.internal.CompileResultsView;
import dev.parapet.compiler.ui.internal.CardSourceDialog;
import dev.parapet.compiler.ui.internal.CompileRun;
import dev.parapet.compiler.ui.internal.PolicyBlobEditor;
import dev.parapet.registry.CardState;
import dev.parapet.tests.base.RegistryFixture;

/** The blob viewer and the Compile results in a running workbench; screenshots under target/screenshots. */
class CompilerWorkbenchTest {

	/** Line of "disk system nvme 0 ..." in fleet-small/fleet.parapet (profile laptop). */
	private static final int LINE_OF_DISK_SYSTEM = 54;

	private static Path resources() {
		return Path.of(System.getProperty("parapet.compilerResources"));
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private static void settle() {
		Display display = Display.getCurrent();
		long until = System.currentTimeMillis() + 500;
		while (System.currentTimeMillis() < until) {
			if (!display.readAndDispatch()) {
				display.sleep();
				display.wake();
			}
		}
	}

	private static void fullScreen() {
		page().getWorkbenchWindow().getShell().setBounds(Display.getCurrent().getBounds());
		settle();
	}

	private static void screenshot(String name) throws Exception {
		Path directory = Path.of(System.getProperty("parapet.screenshots"));
		Files.createDirectories(directory);
		String convert = Files.isExecutable(Path.of("/usr/bin/import")) ? "/usr/bin/import" : "import";
		new ProcessBuilder(convert, "-window", "root", directory.resolve(name + ".png").toString()).inheritIO().start()
				.waitFor();
	}

	@Test
	void theBlobViewerShowsTheDecodedPolicyAndVerifiesItsSignature() throws Exception {
		Path blob = resources().resolve("golden/laptop-1.policy.cose");
		PolicyBlobEditor editor = (PolicyBlobEditor) IDE.openEditorOnFileStore(page(),
				EFS.getLocalFileSystem().getStore(blob.toUri()));
		fullScreen();
		settle();
		assertTrue(editor.statusText().startsWith("Not verified"), editor.statusText());
		assertTrue(editor.rows().contains("signature=not verified (no trusted certificate given)"), editor.rows().toString());
		editor.verifyWith(resources().resolve("keys/policy-signing.pem"));
		settle();
		assertTrue(editor.statusText().startsWith("Signature verified. Device laptop-1"), editor.statusText());
		assertTrue(editor.rows().contains("signature=verified"), editor.rows().toString());
		screenshot("blob-viewer");
		editor.verifyWith(resources().resolve("keys/other-signing.pem"));
		assertTrue(editor.statusText().startsWith("Invalid policy blob: Blob was signed by another key"),
				editor.statusText());
		page().closeAllEditors(false);
	}

	@Test
	void compileWritesBlobsAndListsThemInTheResultsView(@TempDir Path temp) throws Exception {
		Path fleet = temp.resolve("fleet-small");
		copy(resources().resolve("fleet-small"), fleet);
		copy(resources().resolve("keys"), temp.resolve("keys"));
		copy(resources().resolve("card-certs"), fleet.resolve("card-certs"));
		var rows = CompileRun.run(fleet, 1_793_491_200L,
				SecretSource.given("test-passphrase".toCharArray(), "test"));
		assertEquals(List.of("lab-7", "lab-8", "laptop-1"), rows.stream().map(CompileResultsView.Row::subject).toList(),
				rows.toString());
		assertEquals(-1L, Files.mismatch(fleet.resolve("out/policies/laptop-1.policy.cose"),
				resources().resolve("golden/laptop-1.policy.cose")));
		CompileResultsView view = (CompileResultsView) page().showView(CompileResultsView.ID);
		view.show("Compile of fleet-small", rows);
		settle();
		assertEquals(3, view.rows().size());
		screenshot("compile-results");
		PolicyBlobEditor editor = (PolicyBlobEditor) IDE.openEditorOnFileStore(page(),
				EFS.getLocalFileSystem().getStore(fleet.resolve("out/policies/laptop-1.policy.cose").toUri()));
		settle();
		assertEquals(LINE_OF_DISK_SYSTEM, editor.sourceOf("policy/storageRules/[0]").orElseThrow().line());
		assertTrue(editor.sourceOf("policy/storageRules/[0]").orElseThrow().uri().endsWith("fleet-small/fleet.parapet"));
		assertTrue(editor.sourceOf("policy/device").isPresent());
		fullScreen();
		page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		settle();
		screenshot("blob-viewer-source-links");
		page().closeAllEditors(false);
	}

	@Test
	void aBlobWhoseSourcesChangedGetsNoSourceLinks(@TempDir Path temp) throws Exception {
		Path fleet = temp.resolve("fleet-small");
		copy(resources().resolve("fleet-small"), fleet);
		copy(resources().resolve("keys"), temp.resolve("keys"));
		copy(resources().resolve("card-certs"), fleet.resolve("card-certs"));
		CompileRun.run(fleet, 1_793_491_200L, SecretSource.given("test-passphrase".toCharArray(), "test"));
		Path source = fleet.resolve("fleet.parapet");
		Files.writeString(source, Files.readString(source).replace("pin-length 6..8", "pin-length 6..7"));
		PolicyBlobEditor editor = (PolicyBlobEditor) IDE.openEditorOnFileStore(page(),
				EFS.getLocalFileSystem().getStore(fleet.resolve("out/policies/laptop-1.policy.cose").toUri()));
		settle();
		assertTrue(editor.sourceOf("policy/storageRules/[0]").isEmpty());
		page().closeAllEditors(false);
	}

	@Test
	void compileFromTheCardRegistryWritesTheSameBlobsAsFromTheCertificateFolder(@TempDir Path temp) throws Exception {
		Path fleet = temp.resolve("fleet-small");
		copy(resources().resolve("fleet-small"), fleet);
		copy(resources().resolve("keys"), temp.resolve("keys"));
		RegistryFixture registry = fleetRegistry(temp);
		CardSourceDialog dialog = new CardSourceDialog(page().getWorkbenchWindow().getShell());
		dialog.setBlockOnOpen(false);
		dialog.open();
		dialog.chooseRegistry(registry.databaseFile().toString());
		settle();
		screenshot("compile-card-source-registry");
		dialog.close();
		var rows = CompileRun.runWithRegistry(fleet, 1_793_491_200L,
				SecretSource.given("test-passphrase".toCharArray(), "test"), registry.databaseFile().toString(),
				new char[0]);
		assertEquals(List.of("lab-7", "lab-8", "laptop-1"), rows.stream().map(CompileResultsView.Row::subject).toList(),
				rows.toString());
		for (String device : List.of("lab-7", "laptop-1")) {
			assertEquals(-1L, Files.mismatch(fleet.resolve("out/policies/" + device + ".policy.cose"),
					resources().resolve("golden/" + device + ".policy.cose")), device);
		}
		CompileResultsView view = (CompileResultsView) page().showView(CompileResultsView.ID);
		view.show("Compile of fleet-small (card registry)", rows);
		fullScreen();
		screenshot("compile-results-registry");
	}

	@Test
	void aRevokedCardInTheRegistryFailsTheCompileAndTheResultsNameHolderCardAndRegistry(@TempDir Path temp)
			throws Exception {
		Path fleet = temp.resolve("fleet-small");
		copy(resources().resolve("fleet-small"), fleet);
		copy(resources().resolve("keys"), temp.resolve("keys"));
		copy(resources().resolve("card-certs"), fleet.resolve("card-certs"));
		RegistryFixture registry = fleetRegistry(temp);
		registry.setState("bob-card", CardState.REVOKED);
		var rows = CompileRun.runWithRegistry(fleet, 1_793_491_200L,
				SecretSource.given("test-passphrase".toCharArray(), "test"), registry.databaseFile().toString(),
				new char[0]);
		assertTrue(rows.stream().anyMatch(row -> row.subject().equals("error") && row.outcome().contains(
				"holder bob: card 4a1f09c2 of holder e1002 is revoked in the registry H2 " + registry.databaseFile()
						+ "; only issued cards are used")), rows.toString());
		assertEquals("nothing written", rows.getLast().subject(), rows.toString());
		assertFalse(Files.exists(fleet.resolve("out/policies")), "the certificate folder must not be a fallback");
		CompileResultsView view = (CompileResultsView) page().showView(CompileResultsView.ID);
		view.show("Compile of fleet-small (card registry)", rows);
		fullScreen();
		screenshot("compile-results-registry-revoked");
	}

	@Test
	void aRegistryThatDoesNotExistIsReportedAndNothingIsWritten(@TempDir Path temp) throws Exception {
		Path fleet = temp.resolve("fleet-small");
		copy(resources().resolve("fleet-small"), fleet);
		copy(resources().resolve("keys"), temp.resolve("keys"));
		var rows = CompileRun.runWithRegistry(fleet, 1_793_491_200L,
				SecretSource.given("test-passphrase".toCharArray(), "test"), "missing.mv.db", new char[0]);
		assertEquals(List.of(new CompileResultsView.Row("card registry",
				"no registry at " + fleet.resolve("missing") + ".mv.db", "missing.mv.db")), rows);
		assertFalse(Files.exists(fleet.resolve("out")));
	}

	/** The small fleet's two cards, issued with the same 9A certificates as resources/card-certs. */
	private static RegistryFixture fleetRegistry(Path temp) throws Exception {
		RegistryFixture registry = new RegistryFixture(temp.resolve("registry"));
		X509Certificate alice = certificate("card-certs/04A1B2C3D4E5F6.pem");
		X509Certificate bob = certificate("card-certs/4a1f09c2.der");
		registry.issue("alice-card", "04A1B2C3D4E5F6", "e1001", alice, alice);
		registry.issue("bob-card", "4A1F09C2", "e1002", bob, bob);
		return registry;
	}

	private static X509Certificate certificate(String name) throws Exception {
		try (InputStream in = Files.newInputStream(resources().resolve(name))) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else {
					Files.copy(source, target);
				}
			}
		}
	}
}
