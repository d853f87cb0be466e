// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.image.CardKey;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.RegistryCardKeyDirectory;
import dev.parapet.image.internal.envelope.KeyEnvelopes;
import dev.parapet.image.internal.envelope.StorageKeyWrap;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.CardState;
import dev.parapet.registry.RegistryTarget;
import dev.parapet.tests.base.RegistryFixture;

/** Storage keys wrapped to the 9D keys an embedded H2 card registry holds for issued cards. */
class RegistryCardKeyDirectoryTest {

	@TempDir
	static Path tmp;
	static TestPki pki;
	static RegistryFixture fixture;

	@BeforeAll
	static void registerCards() throws Exception {
		pki = new TestPki(tmp);
		fixture = new RegistryFixture(tmp.resolve("registry"));
		X509Certificate alice = pki.certificate(pki.ecCertificate("alice-9d"));
		X509Certificate bob = pki.certificate(pki.ecCertificate("bob-9d"));
		X509Certificate carol = pki.certificate(pki.ecCertificate("carol-9d"));
		X509Certificate rsa = pki.certificate(pki.secureBoot("rsa-9d"));
		fixture.issue("g-alice", "04A1B2C3D4E5F6", "e1001", alice, alice);
		fixture.issue("g-bob", "4A1F09C2", "e1002", bob, bob);
		fixture.issue("g-carol", "0C0C0C0C", "e1002", carol, carol);
		fixture.setState("g-carol", CardState.REVOKED);
		fixture.issue("g-rsa", "0D0D0D0D", "e1002", rsa, rsa);
	}

	private static CardDirectory registry() throws Exception {
		return CardDirectory.open(RegistryTarget.existing(fixture.databaseFile().toString(), tmp, new char[0]));
	}

	@Test
	void storageKeysWrappedToTheRegistrys9dKeysUnwrapWithTheCardsPrivateKeysInPythonCryptography() throws Exception {
		KeyRandomness random = KeyRandomness.deterministicForTests("registry-envelopes");
		byte[] envelopes;
		try (CardDirectory registry = registry()) {
			RegistryCardKeyDirectory cards = new RegistryCardKeyDirectory(registry);
			assertEquals(pki.certificate(pki.ecCertificate("bob-9d")), cards.keyManagementCertificate("4a1f09c2"));
			envelopes = KeyEnvelopes.write("acme", "laptop-1", new byte[32], List.of(new StorageKeyWrap(0, "disk-key", 512,
					1, List.of(new CardKey("04A1B2C3D4E5F6", "alice", cards.keyManagementCertificate("04A1B2C3D4E5F6")),
							new CardKey("4A1F09C2", "bob", cards.keyManagementCertificate("4A1F09C2"))),
					Optional.empty())), random);
		}
		Path file = tmp.resolve("envelopes.cbor");
		Files.write(file, envelopes);
		String out = Tools.ok("/usr/bin/python3", Tools.resources().resolve("py/unwrap_envelopes.py").toString(),
				file.toString(), "acme", "04A1B2C3D4E5F6=" + tmp.resolve("alice-9d.key") + ":" + tmp.resolve("alice-9d.pem"),
				"4A1F09C2=" + tmp.resolve("bob-9d.key") + ":" + tmp.resolve("bob-9d.pem"));
		String disk = HexFormat.of().formatHex(random.bytes("storage-key/acme/laptop-1/disk-key/1", 64));
		assertEquals(List.of("0 disk-key 04A1B2C3D4E5F6 " + disk, "0 disk-key 4A1F09C2 " + disk), out.lines().toList(),
				out);
	}

	@Test
	void aRevokedCardGetsNoKeyAndTheErrorNamesItsState() throws Exception {
		try (CardDirectory registry = registry()) {
			IOException e = assertThrows(IOException.class,
					() -> new RegistryCardKeyDirectory(registry).keyManagementCertificate("0C0C0C0C"));
			assertTrue(e.getMessage().startsWith("card 0C0C0C0C of holder e1002 is revoked in the registry"),
					e.getMessage());
		}
	}

	@Test
	void anUnknownCardOrANonP256KeyIsRefused() throws Exception {
		try (CardDirectory registry = registry()) {
			RegistryCardKeyDirectory cards = new RegistryCardKeyDirectory(registry);
			assertTrue(assertThrows(IOException.class, () -> cards.keyManagementCertificate("DEADBEEF")).getMessage()
					.startsWith("card DEADBEEF is unknown in the registry"));
			assertTrue(assertThrows(IOException.class, () -> cards.keyManagementCertificate("0D0D0D0D")).getMessage()
					.endsWith("is not P-256"));
		}
	}
}
