// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.RegistryCardCertificates;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.CardState;
import dev.parapet.registry.RegistryTarget;
import dev.parapet.tests.base.RegistryFixture;

/** Allowed cards' 9A certificates read from an embedded H2 registry instead of a folder of files. */
class RegistryCardCertificatesTest {

	@TempDir
	Path workspace;
	private RegistryFixture registry;

	/** Registers the two cards of the small fleet with the same 9A certificates as resources/card-certs. */
	@BeforeEach
	void registerTheFleetsCards() throws Exception {
		registry = new RegistryFixture(workspace.resolve("registry"));
		X509Certificate alice = TestResources.certificate("card-certs/04A1B2C3D4E5F6.pem");
		X509Certificate bob = TestResources.certificate("card-certs/4a1f09c2.der");
		registry.issue("alice-card", "04A1B2C3D4E5F6", "e1001", alice, alice);
		registry.issue("bob-card", "4A1F09C2", "e1002", bob, bob);
	}

	private byte[] compileWithRegistry(LoadedFleet fleet, String device) throws Exception {
		try (CardDirectory cards = CardDirectory.open(RegistryTarget.existing(registry.databaseFile().toString(), workspace,
				new char[0])); PolicySigner signer = TestResources.testSigner()) {
			return new PolicyCompiler(new RegistryCardCertificates(cards))
					.compile(fleet.device(device).orElseThrow(), TestResources.CREATED, signer).blob();
		}
	}

	@Test
	void compilingWithTheRegistryGivesTheSameBlobsAsWithTheCertificateFolder() throws Exception {
		LoadedFleet fleet = TestResources.smallFleet();
		for (String device : List.of("laptop-1", "lab-7", "lab-8")) {
			byte[] fromFolder;
			try (PolicySigner signer = TestResources.testSigner()) {
				fromFolder = TestResources.compiler().compile(fleet.device(device).orElseThrow(), TestResources.CREATED,
						signer).blob();
			}
			assertArrayEquals(fromFolder, compileWithRegistry(fleet, device), device);
		}
	}

	@Test
	void aDeviceAllowingARevokedCardDoesNotCompileAndTheErrorNamesHolderCardAndState() throws Exception {
		registry.setState("bob-card", CardState.REVOKED);
		LoadedFleet fleet = TestResources.smallFleet();
		CompileException e = assertThrows(CompileException.class, () -> compileWithRegistry(fleet, "laptop-1"));
		assertTrue(e.toString().endsWith("fleet.parapet:26: holder bob: card 4a1f09c2 of holder e1002 is revoked in"
				+ " the registry H2 " + registry.databaseFile() + "; only issued cards are used"), e.toString());
	}

	@Test
	void aSuspendedCardDoesNotCompileEither() throws Exception {
		registry.setState("bob-card", CardState.SUSPENDED);
		LoadedFleet fleet = TestResources.smallFleet();
		CompileException e = assertThrows(CompileException.class, () -> compileWithRegistry(fleet, "laptop-1"));
		assertTrue(e.getMessage().contains("card 4a1f09c2 of holder e1002 is suspended"), e.getMessage());
	}
}
