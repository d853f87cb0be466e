// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs12KeySource;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;

class KeySourcesTest {

	@Test
	void aPkcs12PassphraseIsReadFromTheFirstLineOfAFile() throws Exception {
		try (PolicySigner signer = Pkcs12KeySource.open(TestResources.root().resolve("keys/policy-signing.p12"),
				"policy-signing", SecretSource.file(TestResources.root().resolve("keys/passphrase.txt")))) {
			assertTrue(signer.isDeterministic());
			assertEquals(64, signer.signEs256(new byte[] { 1 }).length);
		}
	}

	@Test
	void aWrongPkcs12PassphraseIsRefusedWithoutShowingIt() {
		KeySourceException e = assertThrows(KeySourceException.class,
				() -> Pkcs12KeySource.open(TestResources.root().resolve("keys/policy-signing.p12"), "policy-signing",
						SecretSource.environment("P", Map.of("P", "wrong-secret-value"))));
		assertFalse(e.getMessage().contains("wrong-secret-value"), e.getMessage());
	}

	@Test
	void anUnknownAliasIsNamedInTheError() {
		KeySourceException e = assertThrows(KeySourceException.class,
				() -> Pkcs12KeySource.open(TestResources.root().resolve("keys/policy-signing.p12"), "nope",
						SecretSource.environment("P", Map.of("P", "test-passphrase"))));
		assertTrue(e.getMessage().contains("\"nope\""), e.getMessage());
	}

	@Test
	void aMissingEnvironmentVariableIsAnError() {
		assertThrows(java.io.IOException.class, () -> SecretSource.environment("PARAPET_UNSET", Map.of()).read());
	}

	@Test
	void wipingASecretZeroesIt(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("pin");
		Files.writeString(file, "1234\nsecond line\n");
		char[] secret = SecretSource.file(file).read();
		assertArrayEquals("1234".toCharArray(), secret);
		SecretSource.wipe(secret);
		assertArrayEquals(new char[4], secret);
	}

	@Test
	void pkcs11UrisCarryingAPinOrUnknownAttributesAreRefused() {
		assertTrue(assertThrows(KeySourceException.class,
				() -> Pkcs11Uri.parse("pkcs11:token=a;object=b?pin-value=1234")).getMessage().contains("pin-value"));
		assertThrows(KeySourceException.class, () -> Pkcs11Uri.parse("pkcs11:token=a;object=b;colour=red"));
		assertTrue(assertThrows(KeySourceException.class, () -> Pkcs11Uri.parse("pkcs11:token=a;object=b;serial=42"))
				.getMessage().contains("not supported"));
		assertThrows(KeySourceException.class, () -> Pkcs11Uri.parse("pkcs11:token=a;object=b?module-name=softhsm2"));
		assertThrows(KeySourceException.class, () -> Pkcs11Uri.parse("pkcs11:token=a;type=cert;object=b"));
		assertThrows(KeySourceException.class, () -> Pkcs11Uri.parse("pkcs11:token=a"));
		assertThrows(KeySourceException.class, () -> Pkcs11Uri.parse("file:token=a;object=b"));
	}

	@Test
	void pkcs11UriAttributesArePercentDecoded() throws Exception {
		Pkcs11Uri uri = Pkcs11Uri.parse("pkcs11:token=My%20Token;object=policy%2Dkey;slot-id=7?module-path=/x/y.so");
		assertEquals("My Token", uri.attribute("token").orElseThrow());
		assertEquals("policy-key", uri.attribute("object").orElseThrow());
		assertEquals("7", uri.attribute("slot-id").orElseThrow());
		assertEquals("/x/y.so", uri.queryAttribute("module-path").orElseThrow());
	}
}
