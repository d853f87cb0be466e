// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.Pkcs12SigningKey;

/**
 * Keys and certificates made by openssl for one test run in a temporary folder (never committed):
 * an RSA Secure Boot key with a self-signed certificate in PKCS#12, and P-256 key pairs with
 * self-signed certificates for cards and recovery.
 */
final class TestPki {

	static final String PIN = "test-pin-123";
	final Path dir;

	TestPki(Path dir) {
		this.dir = dir;
	}

	/** RSA-2048 Secure Boot key: {@code name}.key, {@code name}.pem, {@code name}.p12 (alias "sb"). */
	Path secureBoot(String name) throws Exception {
		Path key = dir.resolve(name + ".key");
		Path pem = dir.resolve(name + ".pem");
		if (!Files.exists(pem)) {
			Tools.ok("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
					pem.toString(), "-days", "3650", "-subj", "/CN=Parapet Test Secure Boot " + name, "-addext",
					"extendedKeyUsage=codeSigning");
			Tools.ok("openssl", "pkcs12", "-export", "-inkey", key.toString(), "-in", pem.toString(), "-name", "sb",
					"-passout", "pass:" + PIN, "-out", dir.resolve(name + ".p12").toString());
		}
		return pem;
	}

	Pkcs12SigningKey secureBootKey(String name) throws Exception {
		secureBoot(name);
		return Pkcs12SigningKey.load(dir.resolve(name + ".p12"), "sb", SecretSource.environment("PARAPET_TEST_PIN", java.util.Map.of("PARAPET_TEST_PIN", PIN)));
	}

	/** A P-256 key pair: {@code name}.key (PKCS#8 PEM) and a self-signed {@code name}.pem. */
	Path ecCertificate(String name) throws Exception {
		Path key = dir.resolve(name + ".key");
		Path pem = dir.resolve(name + ".pem");
		if (!Files.exists(pem)) {
			Tools.ok("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
					"-keyout", key.toString(), "-out", pem.toString(), "-days", "3650", "-subj", "/CN=" + name);
		}
		return pem;
	}

	X509Certificate certificate(Path pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
	}

	ECPublicKey ecPublic(String name) throws Exception {
		return (ECPublicKey) certificate(ecCertificate(name)).getPublicKey();
	}

	PrivateKey ecPrivate(String name) throws Exception {
		ecCertificate(name);
		String pem = Files.readString(dir.resolve(name + ".key")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
	}
}
