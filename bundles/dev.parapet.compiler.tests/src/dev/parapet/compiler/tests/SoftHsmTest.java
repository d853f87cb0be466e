// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.cose.PolicyBlobReader;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11KeySource;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;

/**
 * Signing through SunPKCS11 with a key generated on a softhsm2 token (Debian's softhsm2 and
 * opensc). The token lives in a temporary SOFTHSM2_CONF; the JVM reads that variable when the
 * module is loaded, so the surefire configuration points SOFTHSM2_CONF at a fixed temporary path.
 */
class SoftHsmTest {

	private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
	private static final String PIN = "246810";

	/** Creates the token (once per JVM: softhsm2 reads its configuration at module load). */
	private static synchronized Path token() throws Exception {
		Path conf = Path.of(System.getenv().getOrDefault("SOFTHSM2_CONF", "/tmp/parapet-softhsm2.conf"));
		Path tokens = conf.resolveSibling(conf.getFileName() + ".tokens");
		Path cert = conf.resolveSibling(conf.getFileName() + ".cert.pem");
		if (Files.exists(cert)) {
			return cert;
		}
		Files.createDirectories(tokens);
		Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		Map<String, String> env = Map.of("SOFTHSM2_CONF", conf.toString());
		ok(TestResources.run(env, "softhsm2-util", "--init-token", "--free", "--label", "parapet-test", "--pin", PIN,
				"--so-pin", "13579246"));
		ok(TestResources.run(env, "pkcs11-tool", "--module", MODULE, "--token-label", "parapet-test", "--login", "--pin",
				PIN, "--keypairgen", "--key-type", "EC:prime256v1", "--label", "policy-signing", "--id", "01"));
		Path dir = Files.createTempDirectory("parapet-hsm");
		Path pubDer = dir.resolve("pub.der");
		ok(TestResources.run(env, "pkcs11-tool", "--module", MODULE, "--token-label", "parapet-test", "--read-object",
				"--type", "pubkey", "--label", "policy-signing", "-o", pubDer.toString()));
		Path pubPem = dir.resolve("pub.pem");
		ok(TestResources.run("openssl", "pkey", "-pubin", "-inform", "DER", "-in", pubDer.toString(), "-out",
				pubPem.toString()));
		// SunPKCS11 lists only keys with a certificate: issue one for the token key from a throwaway CA
		Path caKey = dir.resolve("ca.key");
		Path caCert = dir.resolve("ca.pem");
		ok(TestResources.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
				"-keyout", caKey.toString(), "-out", caCert.toString(), "-subj", "/CN=test CA", "-days", "3650"));
		Path csr = dir.resolve("req.csr");
		ok(TestResources.run("openssl", "req", "-new", "-key", caKey.toString(), "-subj", "/CN=policy-signing", "-out",
				csr.toString()));
		Path tmpCert = dir.resolve("cert.pem");
		ok(TestResources.run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey",
				caKey.toString(), "-force_pubkey", pubPem.toString(), "-days", "3650", "-out", tmpCert.toString()));
		Path certDer = dir.resolve("cert.der");
		ok(TestResources.run("openssl", "x509", "-in", tmpCert.toString(), "-outform", "DER", "-out", certDer.toString()));
		ok(TestResources.run(env, "pkcs11-tool", "--module", MODULE, "--token-label", "parapet-test", "--login", "--pin",
				PIN, "--write-object", certDer.toString(), "--type", "cert", "--label", "policy-signing", "--id", "01"));
		Files.copy(tmpCert, cert);
		return cert;
	}

	private static void ok(TestResources.Run run) {
		assertEquals(0, run.exit(), run.output());
	}

	private static PolicySigner open(String uri) throws Exception {
		return Pkcs11KeySource.open(Pkcs11Uri.parse(uri), SecretSource.environment("PIN", Map.of("PIN", PIN)));
	}

	@Test
	void aKeyOnASofthsmTokenSignsBlobsThatOpensslAndCryptographyVerify(@TempDir Path dir) throws Exception {
		Path cert = token();
		CompiledPolicy compiled;
		try (PolicySigner signer = open("pkcs11:token=parapet-test;object=policy-signing;type=private?module-path=" + MODULE)) {
			assertFalse(signer.isDeterministic());
			compiled = TestResources.compiler().compile(TestResources.smallFleet().device("laptop-1").orElseThrow(),
					TestResources.CREATED, signer);
		}
		IndependentPeersTest.assertOpensslVerifies(dir, compiled.blob(), cert);
		Path blob = dir.resolve("hsm.cose");
		Files.write(blob, compiled.blob());
		var run = TestResources.run(TestResources.python("verify_blob.py", blob.toString(), cert.toString()).toArray(String[]::new));
		assertEquals(0, run.exit(), run.output());
		PolicyBlobReader.verify(compiled.blob(), TestResources.certificate(TestResources.root().relativize(cert).toString())
				.getPublicKey());
	}

	@Test
	void theTokenPayloadIsIdenticalToTheSoftwareKeyPayload() throws Exception {
		token();
		var device = TestResources.smallFleet().device("lab-7").orElseThrow();
		byte[] hsmPayload;
		try (PolicySigner signer = open("pkcs11:token=parapet-test;object=policy-signing")) {
			hsmPayload = TestResources.compiler().compile(device, TestResources.CREATED, signer).payload();
		}
		try (PolicySigner signer = TestResources.testSigner()) {
			assertTrue(java.util.Arrays.equals(hsmPayload,
					TestResources.compiler().compile(device, TestResources.CREATED, signer).payload()));
		}
	}

	@Test
	void aWrongPinIsRefusedWithoutShowingThePin() throws Exception {
		token();
		KeySourceException e = assertThrows(KeySourceException.class,
				() -> Pkcs11KeySource.open(Pkcs11Uri.parse("pkcs11:token=parapet-test;object=policy-signing"),
						SecretSource.environment("PIN", Map.of("PIN", "999999"))));
		assertFalse(e.getMessage().contains("999999"), e.getMessage());
		assertTrue(e.getMessage().contains("environment variable PIN"), e.getMessage());
	}

	@Test
	void anUnknownTokenLabelIsAClearError() throws Exception {
		token();
		KeySourceException e = assertThrows(KeySourceException.class, () -> open("pkcs11:token=nope;object=policy-signing"));
		assertTrue(e.getMessage().contains("No token labelled \"nope\""), e.getMessage());
	}
}
