// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.registry.CardState;
import dev.parapet.tests.base.RegistryFixture;

/**
 * {@code parapet bake} and {@code parapet verify-image} on the example fleet with PKCS#12 test keys
 * and card certificates made by releng/bench/bake/prepare-fleet.sh, and a gnu-efi stand-in for
 * hv-runtime with a .pppkey section.
 */
class BakeCommandTest {

	@TempDir
	static Path tmp;
	static Path root;
	static Path prep;
	static Path efi;

	@BeforeAll
	static void prepareFleetKeysAndRuntime() throws Exception {
		root = Path.of(System.getProperty("parapet.testdata", "testdata")).toAbsolutePath().getParent().getParent().getParent();
		prep = tmp.resolve("prep");
		sh(root.resolve("releng/bench/bake/prepare-fleet.sh").toString(), root.resolve("examples/acme-fleet").toString(), prep.toString());
		sh("sh", root.resolve("bundles/dev.parapet.image.tests/resources/efi/build.sh").toString(), tmp.resolve("efi").toString());
		efi = tmp.resolve("efi/hello.efi");
		Files.writeString(tmp.resolve("pin"), "bench-pin\n");
	}

	private static List<String> bake(Path out, String... more) {
		List<String> args = new ArrayList<>(List.of("bake", prep.resolve("fleet").toString(), "--out", out.toString(), "--runtime",
				efi.toString(), "--card-certs", prep.resolve("cards/9a").toString(), "--card-keys", prep.resolve("cards/9d").toString(),
				"--created", "1763769600", "--pin-file",
				tmp.resolve("pin").toString(), "--secure-boot-pin-file", tmp.resolve("pin").toString(), "--jobs", "2"));
		args.addAll(List.of(more));
		return args;
	}

	@Test
	void bakeWritesVerifiableImagesAndABundleAndVerifyImageListsItsChecks() throws Exception {
		Path out = tmp.resolve("out");
		CliRun run = CliRun.in(tmp, bake(out, "--device", "lab-101", "--device", "hr-017").toArray(String[]::new));
		assertEquals(0, run.exit(), run.transcript());
		assertTrue(run.err().contains("[2/2]") && run.err().contains("2 of 2 images"), run.err());
		assertTrue(run.err().contains("WARNING storage keys are EPHEMERAL (no --key-store)"), run.err());
		assertTrue(Files.isRegularFile(out.resolve("lab-101.img")) && Files.isRegularFile(out.resolve("acme.images.tar.gz")));
		try (var files = Files.list(out)) {
			assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
		}
		CliRun verify = CliRun.in(tmp, "verify-image", out.resolve("lab-101.img").toString(), "--trust", prep.resolve("keys/sb.pem").toString());
		assertEquals(0, verify.exit(), verify.transcript());
		assertEquals(17, verify.out().lines().filter(l -> l.startsWith("OK   ")).count(), verify.out());
		assertTrue(verify.out().contains("OK   policy signature: ES256 signature verifies with the key in .pppkey"), verify.out());
		assertTrue(verify.out().contains("OK   key envelopes: 2 storage keys"), verify.out());
		assertTrue(verify.out().contains("key randomness: storage keys EPHEMERAL"), verify.out());

		byte[] img = Files.readAllBytes(out.resolve("lab-101.img"));
		img[indexOf(img, "PPPKEY".getBytes()) + 20] ^= 0x40; // the policy key in hv-runtime's .pppkey
		Files.write(tmp.resolve("tampered.img"), img);
		CliRun bad = CliRun.in(tmp, "verify-image", tmp.resolve("tampered.img").toString(), "--trust", prep.resolve("keys/sb.pem").toString());
		assertEquals(1, bad.exit(), bad.transcript());
		assertTrue(bad.out().contains("FAIL "), bad.out());

		CliRun json = CliRun.in(tmp, "verify-image", "--json", out.resolve("hr-017.img").toString(), "--trust", prep.resolve("keys/sb.pem").toString());
		assertEquals(0, json.exit(), json.transcript());
		assertTrue(json.out().contains("\"format\": \"parapet-verify-image/1\"") && json.out().contains("\"ok\": true"), json.out());
	}

	@Test
	void deterministicTestKeysGiveBitIdenticalImagesInTwoFolders() throws Exception {
		List<String> sums = new ArrayList<>();
		for (String dir : List.of("det-a", "det-b")) {
			CliRun run = CliRun.in(tmp, bake(tmp.resolve(dir), "--device", "lap-005", "--no-bundle", "--deterministic-test-keys", "seed-1")
					.toArray(String[]::new));
			assertEquals(0, run.exit(), run.transcript());
			assertTrue(run.err().contains("deterministic test keys"), run.err());
			sums.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tmp.resolve(dir).resolve("lap-005.img")))));
		}
		assertEquals(sums.get(0), sums.get(1));
		CliRun strict = CliRun.in(tmp, "verify-image", tmp.resolve("det-a/lap-005.img").toString(), "--trust", prep.resolve("keys/sb.pem").toString());
		assertEquals(1, strict.exit(), strict.transcript());
		assertTrue(strict.out().contains("FAIL key randomness"), strict.out());
	}

	@Test
	void rebakingWithAKeyStoreWrapsTheSameStorageKeysAndATamperedStoreIsRefused() throws Exception {
		Path master = tmp.resolve("ks-master.p12");
		sh(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genseckey", "-alias", "ks", "-keyalg", "AES", "-keysize",
				"256", "-storetype", "PKCS12", "-keystore", master.toString(), "-storepass", "bench-pin", "-keypass", "bench-pin");
		Path store = tmp.resolve("fleet-keys.ppks");
		CliRun missing = CliRun.in(tmp, bake(tmp.resolve("ks-0"), "--device", "lab-101", "--key-store", store.toString(), "--key-store-key",
				"pkcs12:" + master + "#ks", "--key-store-pin-file", tmp.resolve("pin").toString()).toArray(String[]::new));
		assertEquals(2, missing.exit(), missing.transcript());
		assertTrue(missing.err().contains("does not exist; give --create-key-store"), missing.err());
		assertFalse(Files.exists(store));
		List<List<String>> unwrapped = new ArrayList<>();
		for (String dir : List.of("ks-1", "ks-2")) {
			Path out = tmp.resolve(dir);
			List<String> args = bake(out, "--device", "lab-101", "--no-bundle", "--json", "--key-store", store.toString(),
					"--key-store-key", "pkcs12:" + master + "#ks", "--key-store-pin-file", tmp.resolve("pin").toString());
			if (dir.equals("ks-1")) {
				args.add("--create-key-store");
			}
			CliRun run = CliRun.in(tmp, args.toArray(String[]::new));
			assertEquals(0, run.exit(), run.transcript());
			assertFalse(run.err().contains("EPHEMERAL"), run.err());
			assertTrue(run.out().contains("\"storageKeys\": \"key-store\""), run.out());
			CliRun verify = CliRun.in(tmp, "verify-image", out.resolve("lab-101.img").toString(), "--trust", prep.resolve("keys/sb.pem").toString());
			assertEquals(0, verify.exit(), verify.transcript());
			assertTrue(verify.out().contains("key randomness: storage keys from a storage-key store"), verify.out());
			Path envelopes = tmp.resolve(dir + "-envelopes.cbor");
			sh("env", "MTOOLS_SKIP_CHECK=1", "mcopy", "-n", "-i", out.resolve("lab-101.img") + "@@1M", "::/EFI/parapet/envelopes.cbor",
					envelopes.toString());
			List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
					root.resolve("bundles/dev.parapet.image.tests/resources/py/unwrap_envelopes.py").toString(), envelopes.toString(), "acme"));
			try (var cards = Files.list(prep.resolve("cards/9d"))) {
				cards.filter(p -> p.toString().endsWith(".key")).sorted().forEach(k -> {
					String uid = k.getFileName().toString().replace(".key", "");
					command.add(uid + "=" + k + ":" + k.resolveSibling(uid + ".pem"));
				});
			}
			unwrapped.add(shOut(command.toArray(String[]::new)).lines().toList());
		}
		assertFalse(unwrapped.get(0).isEmpty());
		assertEquals(unwrapped.get(0), unwrapped.get(1));

		byte[] data = Files.readAllBytes(store);
		data[data.length - 29] ^= 1; // the tag of the last entry, just before the 28-byte seal
		Files.write(store, data);
		CliRun refused = CliRun.in(tmp, bake(tmp.resolve("ks-3"), "--device", "lab-101", "--no-bundle", "--key-store", store.toString(),
				"--key-store-key", "pkcs12:" + master + "#ks", "--key-store-pin-file", tmp.resolve("pin").toString()).toArray(String[]::new));
		assertEquals(2, refused.exit(), refused.transcript());
		assertTrue(refused.err().contains("entry 1 (acme/lab-101/") && refused.err().contains("does not verify"), refused.err());
		assertFalse(Files.exists(tmp.resolve("ks-3/lab-101.img")));
		assertEquals(2, CliRun.in(tmp, bake(tmp.resolve("ks-4"), "--device", "lab-101", "--key-store", store.toString())
				.toArray(String[]::new)).exit());
	}

	@Test
	void aMissingCardCertificateFailsTheDeviceAndWritesNoImage() throws Exception {
		Path cards = tmp.resolve("few-cards");
		Files.createDirectories(cards);
		Path out = tmp.resolve("missing-card");
		List<String> args = bake(out, "--device", "lab-101");
		args.set(args.indexOf("--card-keys") + 1, cards.toString());
		CliRun run = CliRun.in(tmp, args.toArray(String[]::new));
		assertEquals(1, run.exit(), run.transcript());
		assertTrue(run.err().contains("card 4A1F") && run.err().contains("no 9D certificate"), run.err());
		assertFalse(Files.exists(out.resolve("lab-101.img")));
	}

	/** A registry in {@code dir} holding every card of prepare-fleet.sh with its 9A and 9D certificates. */
	private static RegistryFixture registryOfThePreparedCards(Path dir) throws Exception {
		RegistryFixture registry = new RegistryFixture(dir.resolve("registry"));
		CertificateFactory x509 = CertificateFactory.getInstance("X.509");
		try (var files = Files.list(prep.resolve("cards/9a"))) {
			for (Path a : files.filter(f -> f.toString().endsWith(".pem")).sorted().toList()) {
				String uid = a.getFileName().toString().replace(".pem", "");
				try (InputStream in9a = Files.newInputStream(a);
						InputStream in9d = Files.newInputStream(prep.resolve("cards/9d").resolve(uid + ".pem"))) {
					registry.issue("card-" + uid, uid, "holder-" + uid, (X509Certificate) x509.generateCertificate(in9a),
							(X509Certificate) x509.generateCertificate(in9d));
				}
			}
		}
		return registry;
	}

	@Test
	void bakingFromTheRegistryGivesTheSameImageAsFromTheCertificateFoldersAndRefusesRevokedCards() throws Exception {
		RegistryFixture registry = registryOfThePreparedCards(tmp.resolve("registry-ws"));
		List<String> fromFolders = bake(tmp.resolve("reg-a"), "--device", "lab-101", "--no-bundle", "--deterministic-test-keys", "seed-2");
		CliRun folders = CliRun.in(tmp, fromFolders.toArray(String[]::new));
		assertEquals(0, folders.exit(), folders.transcript());
		List<String> fromRegistry = new ArrayList<>(List.of("bake", prep.resolve("fleet").toString(), "--out", tmp.resolve("reg-b").toString(),
				"--runtime", efi.toString(), "--registry", registry.databaseFile().toString(), "--created", "1763769600", "--pin-file",
				tmp.resolve("pin").toString(), "--secure-boot-pin-file", tmp.resolve("pin").toString(), "--jobs", "1", "--device", "lab-101",
				"--no-bundle", "--deterministic-test-keys", "seed-2"));
		CliRun run = CliRun.in(tmp, fromRegistry.toArray(String[]::new));
		assertEquals(0, run.exit(), run.transcript());
		assertEquals(-1L, Files.mismatch(tmp.resolve("reg-a/lab-101.img"), tmp.resolve("reg-b/lab-101.img")));

		try (var files = Files.list(prep.resolve("cards/9a"))) {
			for (Path a : files.filter(f -> f.toString().endsWith(".pem")).toList()) {
				registry.setState("card-" + a.getFileName().toString().replace(".pem", ""), CardState.REVOKED);
			}
		}
		fromRegistry.set(fromRegistry.indexOf("--out") + 1, tmp.resolve("reg-c").toString());
		CliRun revoked = CliRun.in(tmp, fromRegistry.toArray(String[]::new));
		assertEquals(1, revoked.exit(), revoked.transcript());
		assertTrue(revoked.err().contains("is revoked in the registry"), revoked.err());
		assertFalse(Files.exists(tmp.resolve("reg-c/lab-101.img")));
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertEquals(2, CliRun.in(tmp, "bake", prep.resolve("fleet").toString(), "--all").exit());
		assertEquals(2, CliRun.in(tmp, bake(tmp.resolve("x"), "--device", "no-such-device").toArray(String[]::new)).exit());
		assertEquals(2, CliRun.in(tmp, "verify-image", tmp.resolve("nothing.img").toString(), "--trust", prep.resolve("keys/sb.pem").toString()).exit());
	}

	private static int indexOf(byte[] hay, byte[] needle) {
		outer: for (int i = 0; i <= hay.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (hay[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}

	private static void sh(String... command) throws IOException, InterruptedException {
		shOut(command);
	}

	private static String shOut(String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed:\n" + out);
		}
		return out;
	}
}
