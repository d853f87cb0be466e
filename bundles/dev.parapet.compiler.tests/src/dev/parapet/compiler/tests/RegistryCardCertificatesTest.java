// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.RegistryCardCertificates;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.registry.AuditSigner;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.CertificateRecord;
import dev.parapet.registry.Holder;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryTarget;

/** Allowed cards' 9A certificates read from an embedded H2 registry instead of a folder of files. */
class RegistryCardCertificatesTest {

	@TempDir
	Path workspace;
	private Path file;

	/** Registers the two cards of the small fleet with the same 9A certificates as resources/card-certs. */
	@BeforeEach
	void registerTheFleetsCards() throws Exception {
		file = workspace.resolve("registry");
		try (Registry r = open()) {
			issue(r, "alice-card", "04A1B2C3D4E5F6", "e1001", TestResources.certificate("card-certs/04A1B2C3D4E5F6.pem"));
			issue(r, "bob-card", "4A1F09C2", "e1002", TestResources.certificate("card-certs/4a1f09c2.der"));
		}
	}

	private Registry open() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair station = g.generateKeyPair();
		return Registry.open(RegistryTarget.embedded(file), new AuditSigner(station.getPrivate(), station.getPublic()),
				"compiler-test@station");
	}

	private static void issue(Registry r, String guid, String uid, String holder, X509Certificate auth)
			throws Exception {
		r.putHolder(new Holder(holder, auth.getSubjectX500Principal().getName(), ""));
		long op = r.beginOperation("issue", new CardRecord(guid, uid, "", holder, "standard", CardState.INCOMPLETE, "",
				"", ""), Map.of());
		for (String slot : List.of("9a", "9d")) {
			r.addCertificate(new CertificateRecord(slot + "-" + guid, guid, slot, auth.getSubjectX500Principal().getName(),
					auth.getNotBefore().toInstant().toString(), auth.getNotAfter().toInstant().toString(),
					auth.getEncoded(), false, "", ""));
		}
		r.completeOperation(op, CardState.ISSUED, Map.of());
	}

	private byte[] compileWithRegistry(LoadedFleet fleet, String device) throws Exception {
		try (CardDirectory registry = CardDirectory.open(RegistryTarget.existing(file + ".mv.db", workspace,
				new char[0])); PolicySigner signer = TestResources.testSigner()) {
			return new PolicyCompiler(new RegistryCardCertificates(registry))
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
		try (Registry r = open()) {
			r.setCardState("bob-card", CardState.REVOKED, "card.revoke", Map.of("reason", "keyCompromise"));
		}
		LoadedFleet fleet = TestResources.smallFleet();
		CompileException e = assertThrows(CompileException.class, () -> compileWithRegistry(fleet, "laptop-1"));
		assertTrue(e.toString().endsWith("fleet.parapet:26: holder bob: card 4a1f09c2 of holder e1002 is revoked in"
				+ " the registry H2 " + file + ".mv.db; only issued cards are used"), e.toString());
	}

	@Test
	void aSuspendedCardDoesNotCompileEither() throws Exception {
		try (Registry r = open()) {
			r.setCardState("bob-card", CardState.SUSPENDED, "card.suspend", Map.of());
		}
		LoadedFleet fleet = TestResources.smallFleet();
		CompileException e = assertThrows(CompileException.class, () -> compileWithRegistry(fleet, "laptop-1"));
		assertTrue(e.getMessage().contains("card 4a1f09c2 of holder e1002 is suspended"), e.getMessage());
	}
}
