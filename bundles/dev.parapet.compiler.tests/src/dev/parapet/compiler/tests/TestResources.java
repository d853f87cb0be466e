// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.parapet.compiler.CardCertificateDirectory;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs12KeySource;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;

/** Fixtures of the compiler tests: the small fleet, the fixed test key, and running peers. */
final class TestResources {

	/** SOURCE_DATE_EPOCH of the golden files: 2026-11-01T00:00:00Z. */
	static final long CREATED = 1_793_491_200L;

	private TestResources() {
	}

	static Path root() {
		return Path.of(System.getProperty("parapet.testResources", "resources")).toAbsolutePath();
	}

	static LoadedFleet smallFleet() throws Exception {
		return new XtextFleetSource().load(root().resolve("fleet-small"));
	}

	/** A compiler that finds the cards' 9A certificates in resources/card-certs. */
	static PolicyCompiler compiler() {
		return new PolicyCompiler(new CardCertificateDirectory(root().resolve("card-certs")));
	}

	static PolicySigner testSigner() throws KeySourceException {
		return Pkcs12KeySource.open(root().resolve("keys/policy-signing.p12"), "policy-signing",
				SecretSource.environment("P12_PASS", Map.of("P12_PASS", "test-passphrase")));
	}

	static X509Certificate certificate(String relative) throws Exception {
		try (InputStream in = Files.newInputStream(root().resolve(relative))) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	/** The result of a peer process. */
	record Run(int exit, String output) {
	}

	/** Runs a command with extra environment, merging stderr into the output. */
	static Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("Timed out: " + String.join(" ", command));
		}
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	static Run run(String... command) throws IOException, InterruptedException {
		return run(Map.of(), command);
	}

	/** Debian's python3 (python3-cbor2, python3-cryptography), not whatever python3 comes first on PATH. */
	static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

	static List<String> python(String script, String... arguments) {
		List<String> command = new ArrayList<>(List.of(PYTHON, root().resolve("peers").resolve(script).toString()));
		command.addAll(List.of(arguments));
		return command;
	}
}
