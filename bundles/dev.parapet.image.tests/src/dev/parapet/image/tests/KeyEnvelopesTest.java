// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.image.CardKey;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.internal.envelope.StorageKeyWrap;
import dev.parapet.image.KeyManagementCertificateDirectory;
import dev.parapet.image.internal.envelope.KeyEnvelopes;

class KeyEnvelopesTest {

	@TempDir
	static Path tmp;
	static TestPki pki;
	static final byte[] POLICY_ID = new byte[32];

	@BeforeAll
	static void keys() throws Exception {
		pki = new TestPki(tmp);
		for (String n : new String[] { "card-alice-1", "card-bob-1", "card-bob-2", "recovery" }) {
			pki.ecCertificate(n);
		}
	}

	private static CardKey card(String id, String holder) throws Exception {
		return new CardKey(id, holder, pki.certificate(pki.ecCertificate(id)));
	}

	private static List<StorageKeyWrap> wraps() throws Exception {
		return List.of(
				new StorageKeyWrap(0, "disk-key", 512, 2, List.of(card("card-alice-1", "alice"), card("card-bob-1", "bob"),
						card("card-bob-2", "bob"), card("card-alice-1", "alice")), Optional.of(pki.certificate(pki.ecCertificate("recovery")))),
				new StorageKeyWrap(1, "usb-key", 256, 0, List.of(card("card-bob-1", "bob")), Optional.empty()));
	}

	private static String arg(String recipient, String name) {
		return recipient + "=" + tmp.resolve(name + ".key") + ":" + tmp.resolve(name + ".pem");
	}

	@Test
	void everyCardAndTheEscrowUnwrapTheSameStorageKeyWithPythonCryptography() throws Exception {
		KeyRandomness random = KeyRandomness.deterministicForTests("envelope-test");
		byte[] env = KeyEnvelopes.write("acme", "laptop-1", POLICY_ID, wraps(), random);
		Path file = tmp.resolve("envelopes.cbor");
		Files.write(file, env);
		String out = Tools.ok("/usr/bin/python3", Tools.resources().resolve("py/unwrap_envelopes.py").toString(), file.toString(),
				"acme", arg("card-alice-1", "card-alice-1"), arg("card-bob-1", "card-bob-1"), arg("card-bob-2", "card-bob-2"),
				"escrow=" + tmp.resolve("recovery.key"));
		List<String> lines = out.lines().toList();
		String disk = HexFormat.of().formatHex(random.bytes("storage-key/acme/laptop-1/disk-key/2", 64));
		String usb = HexFormat.of().formatHex(random.bytes("storage-key/acme/laptop-1/usb-key/0", 32));
		assertEquals(List.of("0 disk-key card-alice-1 " + disk, "0 disk-key card-bob-1 " + disk, "0 disk-key card-bob-2 " + disk,
				"0 disk-key escrow " + disk, "1 usb-key card-bob-1 " + usb), lines, out);
	}

	@Test
	void aCardOutsideTheGroupsFindsNoEnvelopeForIt() throws Exception {
		pki.ecCertificate("card-mallory");
		Path file = tmp.resolve("envelopes-2.cbor");
		Files.write(file, KeyEnvelopes.write("acme", "laptop-1", POLICY_ID, wraps(), KeyRandomness.secure()));
		String out = Tools.ok("/usr/bin/python3", Tools.resources().resolve("py/unwrap_envelopes.py").toString(), file.toString(),
				"acme", arg("card-mallory", "card-mallory"));
		assertEquals("", out.strip());
	}

	@Test
	void secureRandomnessGivesFreshKeysEachBakeAndDeterministicTestKeysRepeat() throws Exception {
		byte[] a = KeyEnvelopes.write("acme", "laptop-1", POLICY_ID, wraps(), KeyRandomness.secure());
		byte[] b = KeyEnvelopes.write("acme", "laptop-1", POLICY_ID, wraps(), KeyRandomness.secure());
		assertFalse(java.util.Arrays.equals(a, b));
		assertArrayEquals(KeyEnvelopes.write("acme", "laptop-1", POLICY_ID, wraps(), KeyRandomness.deterministicForTests("s")),
				KeyEnvelopes.write("acme", "laptop-1", POLICY_ID, wraps(), KeyRandomness.deterministicForTests("s")));
	}

	@Test
	void aKeyWithoutAnyRecipientIsRefused() {
		GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> KeyEnvelopes.write("acme", "laptop-1",
				POLICY_ID, List.of(new StorageKeyWrap(0, "lonely", 256, 0, List.of(), Optional.empty())), KeyRandomness.secure()));
		assertTrue(e.getMessage().contains("lonely"), e.getMessage());
	}

	@Test
	void theFolderDirectoryFindsCardsByIdAndNamesMissingOnes() throws Exception {
		Path folder = tmp.resolve("cards");
		Files.createDirectories(folder);
		Files.copy(pki.ecCertificate("card-bob-2"), folder.resolve("card-bob-2.pem"));
		Files.copy(pki.secureBoot("rsa-card"), folder.resolve("rsa-card.crt"));
		KeyManagementCertificateDirectory dir = new KeyManagementCertificateDirectory(folder);
		assertEquals(pki.certificate(pki.ecCertificate("card-bob-2")), dir.keyManagementCertificate("card-bob-2"));
		java.io.IOException e = assertThrows(java.io.IOException.class, () -> dir.keyManagementCertificate("card-nobody"));
		assertTrue(e.getMessage().contains("card-nobody"), e.getMessage());
		e = assertThrows(java.io.IOException.class, () -> dir.keyManagementCertificate("rsa-card"));
		assertTrue(e.getMessage().contains("not P-256"), e.getMessage());
	}
}
