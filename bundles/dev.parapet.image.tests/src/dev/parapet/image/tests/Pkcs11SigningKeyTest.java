// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.Pkcs11SigningKey;
import dev.parapet.image.internal.pe.AuthenticodeSigner;
import dev.parapet.image.internal.pe.PeImage;
import dev.parapet.image.internal.pe.PppKeySection;

/**
 * The Secure Boot key on a softhsm2 token: an RSA-2048 key generated on the token, its certificate
 * issued by a throwaway CA; the EFI binary is signed on the token and checked with sbverify and
 * osslsigncode against that CA.
 */
class Pkcs11SigningKeyTest {

	static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
	static final String PIN = "864213";

	@TempDir
	static Path dir;

	/**
	 * Creates the tokens once per JVM (softhsm2 reads its configuration and its tokens when the module
	 * loads): {@code parapet-sb} with the Secure Boot key, {@code parapet-ks} with an AES-256 key-store
	 * master key labelled {@code ks-master}.
	 */
	static synchronized Path token() throws Exception {
		Path conf = Path.of(System.getenv().getOrDefault("SOFTHSM2_CONF", "/tmp/parapet-image-softhsm2.conf"));
		Path ca = conf.resolveSibling("ca.pem");
		if (Files.exists(ca)) {
			return ca;
		}
		Path tokens = conf.resolveSibling("tokens");
		Files.createDirectories(tokens);
		Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		String env = "SOFTHSM2_CONF=" + conf;
		Tools.ok("env", env, "softhsm2-util", "--init-token", "--free", "--label", "parapet-sb", "--pin", PIN, "--so-pin", "97531864");
		Tools.ok("env", env, "softhsm2-util", "--init-token", "--free", "--label", "parapet-ks", "--pin", PIN, "--so-pin", "97531864");
		Tools.ok("env", env, "pkcs11-tool", "--module", MODULE, "--token-label", "parapet-ks", "--login", "--pin", PIN, "--keygen",
				"--key-type", "AES:32", "--label", "ks-master", "--id", "05", "--sensitive");
		Tools.ok("env", env, "pkcs11-tool", "--module", MODULE, "--token-label", "parapet-sb", "--login", "--pin", PIN, "--keypairgen",
				"--key-type", "rsa:2048", "--label", "db-signing", "--id", "02");
		Path work = Files.createTempDirectory(conf.getParent(), "ca");
		Path pubDer = work.resolve("pub.der");
		Tools.ok("env", env, "pkcs11-tool", "--module", MODULE, "--token-label", "parapet-sb", "--read-object", "--type", "pubkey",
				"--label", "db-signing", "-o", pubDer.toString());
		Path pubPem = work.resolve("pub.pem");
		Tools.ok("openssl", "pkey", "-pubin", "-inform", "DER", "-in", pubDer.toString(), "-out", pubPem.toString());
		Path caKey = work.resolve("ca.key");
		Path caCert = work.resolve("ca.pem");
		Tools.ok("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", caCert.toString(),
				"-subj", "/CN=Parapet test Secure Boot CA", "-days", "3650");
		Path csr = work.resolve("req.csr");
		Tools.ok("openssl", "req", "-new", "-key", caKey.toString(), "-subj", "/CN=db-signing on token", "-out", csr.toString());
		Path cert = work.resolve("cert.pem");
		Tools.ok("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(), "-force_pubkey",
				pubPem.toString(), "-days", "3650", "-out", cert.toString());
		Path certDer = work.resolve("cert.der");
		Tools.ok("openssl", "x509", "-in", cert.toString(), "-outform", "DER", "-out", certDer.toString());
		Tools.ok("env", env, "pkcs11-tool", "--module", MODULE, "--token-label", "parapet-sb", "--login", "--pin", PIN, "--write-object",
				certDer.toString(), "--type", "cert", "--label", "db-signing", "--id", "02");
		Files.copy(cert, conf.resolveSibling("signer.pem"));
		Files.copy(caCert, ca);
		return ca;
	}

	@Test
	void theEfiBinarySignedOnTheTokenPassesSbverifyAndOsslsigncode() throws Exception {
		Path ca = token();
		Tools.ok("sh", Tools.resources().resolve("efi/build.sh").toString(), dir.resolve("efi").toString());
		byte[] efi = Files.readAllBytes(dir.resolve("efi/hello.efi"));
		TestPki pki = new TestPki(dir);
		PppKeySection.patch(PeImage.parse(efi), pki.ecPublic("policy"));
		Pkcs11SigningKey key = Pkcs11SigningKey.open(Pkcs11Uri.parse("pkcs11:token=parapet-sb;object=db-signing"),
				SecretSource.environment("PIN", Map.of("PIN", PIN)), Path.of(MODULE));
		Path signed = dir.resolve("signed.efi");
		try {
			Files.write(signed, AuthenticodeSigner.sign(efi, key));
		} finally {
			key.logout();
		}
		assertTrue(Tools.ok("sbverify", "--cert", ca.resolveSibling("signer.pem").toString(), signed.toString()).contains("Signature verification OK"));
		assertTrue(Tools.ok("osslsigncode", "verify", "-CAfile", ca.toString(), "-in", signed.toString()).contains("Signature verification: ok"));
	}

	@Test
	void aWrongPinIsRefusedWithoutShowingThePin() throws Exception {
		token();
		IOException e = assertThrows(IOException.class, () -> Pkcs11SigningKey.open(Pkcs11Uri.parse("pkcs11:token=parapet-sb;object=db-signing"),
				SecretSource.environment("PIN", Map.of("PIN", "000000")), Path.of(MODULE)));
		assertFalse(e.getMessage().contains("000000"), e.getMessage());
		assertTrue(e.getMessage().contains("environment variable PIN"), e.getMessage());
	}
}
