// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile, inspect and verify-policy on the compiler's small test fleet and fixed test key. */
class CompileCommandsTest {

	private static Path compilerResources() {
		return TestData.root().resolve("../../dev.parapet.compiler.tests/resources").normalize();
	}

	private static final String CREATED = "1793491200";

	@Test
	void compileAllWritesBlobsThatVerifyPolicyAccepts(@TempDir Path out) throws Exception {
		Path resources = compilerResources();
		CliRun compile = CliRun.in(resources, "compile", "fleet-small", "--all", "--out", out.toString(), "--created",
				CREATED, "--pin-file", "keys/passphrase.txt", "--card-certs", "card-certs");
		assertEquals(0, compile.exit(), compile.transcript());
		assertTrue(compile.out().startsWith("lab-7 "), compile.out());
		assertTrue(Files.exists(out.resolve("index.json")));
		// byte-identical to the compiler's golden blobs: same fleet, key and creation time
		assertEquals(-1L, Files.mismatch(out.resolve("laptop-1.policy.cose"),
				resources.resolve("golden/laptop-1.policy.cose")));
		CliRun verify = CliRun.in(resources, "verify-policy", out.resolve("lab-7.policy.cose").toString(), "--trust",
				"keys/policy-signing.pem");
		assertEquals(0, verify.exit(), verify.transcript());
		assertTrue(verify.out().startsWith("valid lab-7 "), verify.out());
	}

	@Test
	void compileOneDeviceWritesOnlyThatBlob(@TempDir Path out) {
		CliRun compile = CliRun.in(compilerResources(), "compile", "fleet-small", "--device", "lab-7", "--out",
				out.toString(), "--created", CREATED, "--pin-file", "keys/passphrase.txt", "--card-certs", "card-certs");
		assertEquals(0, compile.exit(), compile.transcript());
		assertTrue(Files.exists(out.resolve("lab-7.policy.cose")));
		assertFalse(Files.exists(out.resolve("laptop-1.policy.cose")));
	}

	@Test
	void anUnknownDeviceIsAUsageError(@TempDir Path out) {
		CliRun compile = CliRun.in(compilerResources(), "compile", "fleet-small", "--device", "nope", "--out",
				out.toString(), "--created", CREATED, "--pin-file", "keys/passphrase.txt", "--card-certs", "card-certs");
		assertEquals(2, compile.exit(), compile.transcript());
		assertTrue(compile.err().contains("No device nope"), compile.err());
	}

	@Test
	void aWrongPassphraseIsAKeyErrorThatDoesNotShowIt(@TempDir Path dir) throws Exception {
		Path pin = dir.resolve("pin");
		Files.writeString(pin, "not-the-passphrase\n");
		CliRun compile = CliRun.in(compilerResources(), "compile", "fleet-small", "--all", "--out",
				dir.resolve("out").toString(), "--created", CREATED, "--pin-file", pin.toString(), "--card-certs", "card-certs");
		assertEquals(2, compile.exit(), compile.transcript());
		assertFalse(compile.transcript().contains("not-the-passphrase"));
		assertFalse(Files.exists(dir.resolve("out")));
	}

	/** The JSON report with the temporary output folder replaced by {@code $OUT}, for golden files. */
	private static String jsonReport(CliRun run, Path out) {
		return run.out().replace(out.toString(), "$OUT");
	}

	@Test
	void compileJsonReportsEachBlobWithItsPolicyIdSizeAndRollbackCounter(@TempDir Path out) throws Exception {
		CliRun compile = CliRun.in(compilerResources(), "compile", "fleet-small", "--all", "--json", "--out",
				out.toString(), "--created", CREATED, "--pin-file", "keys/passphrase.txt", "--card-certs", "card-certs");
		assertEquals(0, compile.exit(), compile.transcript());
		TestData.assertGolden(TestData.root().resolve("compile/compile-fleet-small.json"), jsonReport(compile, out));
		assertEquals(Files.size(compilerResources().resolve("golden/laptop-1.policy.cose")),
				Files.size(out.resolve("laptop-1.policy.cose")));
	}

	@Test
	void compileJsonListsTheDeviceFailuresAndWritesNothing(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		// without --card-certs the cards laptop-1 admits have no known 9A certificate: that device fails
		CliRun compile = CliRun.in(compilerResources(), "compile", "fleet-small", "--all", "--json", "--out",
				out.toString(), "--created", CREATED, "--pin-file", "keys/passphrase.txt");
		assertEquals(1, compile.exit(), compile.transcript());
		TestData.assertGolden(TestData.root().resolve("compile/compile-failures.json"), jsonReport(compile, out));
		assertFalse(Files.exists(out));
	}

	@Test
	void compileJsonOfAFleetThatDoesNotLoadListsItsErrorsWithFileAndLine(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		CliRun compile = CliRun.in(TestData.root().resolve("compile"), "compile", "broken-fleet", "--all", "--json",
				"--out", out.toString(), "--created", CREATED, "--pin-env", "PARAPET_UNUSED");
		assertEquals(1, compile.exit(), compile.transcript());
		TestData.assertGolden(TestData.root().resolve("compile/broken-fleet.json"), jsonReport(compile, out));
		assertFalse(Files.exists(out));
	}

	@Test
	void verifyPolicyRejectsAFlippedByteWithItsReason(@TempDir Path dir) throws Exception {
		byte[] blob = Files.readAllBytes(compilerResources().resolve("golden/lab-7.policy.cose"));
		blob[blob.length - 5] ^= 0x40;
		Path flipped = dir.resolve("flipped.cose");
		Files.write(flipped, blob);
		CliRun verify = CliRun.in(compilerResources(), "verify-policy", flipped.toString(), "--trust",
				"keys/policy-signing.pem");
		assertEquals(1, verify.exit(), verify.transcript());
		assertEquals("invalid: Signature does not verify\n", verify.out());
	}

	@Test
	void verifyPolicyRejectsABlobSignedByAnotherKey() {
		CliRun verify = CliRun.in(compilerResources(), "verify-policy", "golden/lab-7.policy.cose", "--trust",
				"keys/other-signing.pem");
		assertEquals(1, verify.exit(), verify.transcript());
		assertTrue(verify.out().startsWith("invalid: "), verify.out());
	}

	@Test
	void inspectShowsTheNamedContents() throws Exception {
		CliRun text = CliRun.in(compilerResources(), "inspect", "golden/laptop-1.policy.cose", "--trust",
				"keys/policy-signing.pem");
		assertEquals(0, text.exit(), text.transcript());
		TestData.assertGolden(TestData.root().resolve("compile/inspect-laptop-1.txt"), text.out());
		CliRun json = CliRun.in(compilerResources(), "inspect", "golden/laptop-1.policy.cose", "--json");
		assertEquals(0, json.exit(), json.transcript());
		TestData.assertGolden(TestData.root().resolve("compile/inspect-laptop-1.json"), json.out());
	}

	private static Path exportResources() {
		return TestData.root().resolve("../../dev.parapet.export.bitvisor.tests/resources").normalize();
	}

	@Test
	void exportBitvisorIsRefusedWhenElementsWouldBeDegraded(@TempDir Path out) {
		CliRun run = CliRun.in(exportResources(), "export", "bitvisor", "--commit", "66559d6", "--device", "simple",
				"--fleet", "fleet", "--out", out.toString(), "--key-dir", "keys", "--pin-env", "PARAPET_UNUSED");
		assertEquals(1, run.exit(), run.transcript());
		assertTrue(run.err().contains("usb default deny"), run.err());
		assertFalse(Files.exists(out.resolve("config.bin")));
	}

	@Test
	void exportBitvisorWithAllowDegradeWritesTheFourFiles(@TempDir Path out) throws Exception {
		Path pass = out.resolve("pass");
		Files.writeString(pass, "export-passphrase\n");
		CliRun run = CliRun.in(exportResources(), "export", "bitvisor", "--commit", "66559d6", "--device", "simple",
				"--fleet", "fleet", "--out", out.resolve("bv").toString(), "--key-dir", "keys", "--allow-degrade",
				"--pin-file", pass.toString());
		assertEquals(0, run.exit(), run.transcript());
		for (String file : new String[] { "bitvisor.conf", "config.bin", "module2.bin", "export-report.md" }) {
			assertTrue(Files.exists(out.resolve("bv").resolve(file)), file);
		}
		assertEquals(80936, Files.size(out.resolve("bv/config.bin")));
		assertTrue(run.err().contains("degraded: "), run.err());
		assertFalse(run.transcript().contains("export-passphrase"));
	}

	@Test
	void exportBitvisorToAnUnknownCommitIsAUsageError(@TempDir Path out) {
		CliRun run = CliRun.in(exportResources(), "export", "bitvisor", "--commit", "deadbee", "--device", "simple",
				"--fleet", "fleet", "--out", out.toString());
		assertEquals(2, run.exit(), run.transcript());
		assertTrue(run.err().contains("Unknown BitVisor commit \"deadbee\""), run.err());
	}
}
