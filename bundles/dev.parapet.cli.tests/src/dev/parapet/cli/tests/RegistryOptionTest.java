// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.registry.CardState;
import dev.parapet.tests.base.RegistryFixture;

/** {@code parapet compile --registry}: the card registry instead of a folder of exported 9A certificates. */
class RegistryOptionTest {

	private static final String CREATED = "1793491200";

	@TempDir
	Path workspace;
	private RegistryFixture registry;

	private static Path compilerResources() {
		return TestData.root().resolve("../../dev.parapet.compiler.tests/resources").normalize();
	}

	private static X509Certificate certificate(String name) throws Exception {
		try (InputStream in = Files.newInputStream(compilerResources().resolve("card-certs").resolve(name))) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	/** The workspace's registry knows the small fleet's two cards with the certificates of card-certs/. */
	@BeforeEach
	void issueTheFleetsCards() throws Exception {
		registry = new RegistryFixture(workspace.resolve(".parapet").resolve("registry"));
		X509Certificate alice = certificate("04A1B2C3D4E5F6.pem");
		X509Certificate bob = certificate("4a1f09c2.der");
		registry.issue("alice-card", "04A1B2C3D4E5F6", "e1001", alice, alice);
		registry.issue("bob-card", "4A1F09C2", "e1002", bob, bob);
	}

	private CliRun compile(Path out, String... cards) {
		String[] args = { "compile", "fleet-small", "--all", "--out", out.toString(), "--created", CREATED,
				"--pin-file", "keys/passphrase.txt" };
		String[] all = java.util.Arrays.copyOf(args, args.length + cards.length);
		System.arraycopy(cards, 0, all, args.length, cards.length);
		return CliRun.in(compilerResources(), all);
	}

	@Test
	void compilingWithTheWorkspacesRegistryGivesTheGoldenBlobs(@TempDir Path out) throws Exception {
		CliRun run = compile(out, "--registry", workspace.toString());
		assertEquals(0, run.exit(), run.transcript());
		assertEquals(-1L, Files.mismatch(out.resolve("laptop-1.policy.cose"),
				compilerResources().resolve("golden/laptop-1.policy.cose")));
		assertEquals(-1L, Files.mismatch(out.resolve("lab-7.policy.cose"),
				compilerResources().resolve("golden/lab-7.policy.cose")));
	}

	@Test
	void aRevokedCardFailsTheDeviceThatAllowsItAndNothingIsWritten(@TempDir Path out) throws Exception {
		registry.setState("bob-card", CardState.REVOKED);
		CliRun run = compile(out, "--registry", registry.databaseFile().toString());
		assertEquals(1, run.exit(), run.transcript());
		assertTrue(run.err().contains("fleet.parapet:26: holder bob: card 4a1f09c2 of holder e1002 is revoked in the"
				+ " registry H2 " + registry.databaseFile() + "; only issued cards are used"), run.err());
		assertFalse(Files.exists(out.resolve("lab-7.policy.cose")));
	}

	@Test
	void registryAndCardCertsTogetherAreAUsageError(@TempDir Path out) {
		CliRun run = compile(out, "--registry", workspace.toString(), "--card-certs", "card-certs");
		assertEquals(2, run.exit(), run.transcript());
		assertTrue(run.err().contains("mutually exclusive"), run.err());
	}

	@Test
	void aRegistryPathThatHoldsNoRegistryIsAnErrorAndCreatesNone(@TempDir Path out) {
		Path empty = workspace.resolve("nothing-here");
		CliRun run = compile(out, "--registry", empty.toString());
		assertEquals(2, run.exit(), run.transcript());
		assertTrue(run.err().contains("no registry at " + empty + ".mv.db"), run.err());
		assertFalse(Files.exists(workspace.resolve("nothing-here.mv.db")));
	}
}
