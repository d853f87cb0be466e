// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.BakedImage;
import dev.parapet.image.DeviceImageBaker;
import dev.parapet.image.DeviceImageInputs;
import dev.parapet.image.EspPaths;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.StorageKeyStore;
import dev.parapet.image.StorageKeyStoreException;
import dev.parapet.image.StorageKeyStoreMasterKey;
import dev.parapet.image.internal.manifest.ImageManifest;

/**
 * The storage-key store: re-baking a device gives its disks the keys they had (checked by unwrapping
 * the envelopes with python3-cryptography), a raised generation gives a new key, and a damaged store
 * is refused rather than replaced. Master keys in PKCS#12 (made by keytool) and on a softhsm2 token.
 */
class StorageKeyStoreTest {

	private static final String PASS = "store-master-pass";

	@TempDir
	static Path tmp;
	static BakeFixture fx;
	static Path p12;

	@BeforeAll
	static void fixture() throws Exception {
		fx = new BakeFixture(tmp.resolve("fx"));
		p12 = tmp.resolve("master.p12");
		for (String alias : List.of("ks", "other")) {
			Tools.ok("/usr/lib/jvm/temurin-25-jdk-amd64/bin/keytool", "-genseckey", "-alias", alias, "-keyalg", "AES", "-keysize", "256",
					"-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASS, "-keypass", PASS);
		}
	}

	private static StorageKeyStoreMasterKey master(String alias) throws Exception {
		return StorageKeyStoreMasterKey.open("pkcs12:" + p12.getFileName() + "#" + alias, tmp,
				SecretSource.environment("P", Map.of("P", PASS)), Path.of(Pkcs11SigningKeyTest.MODULE));
	}

	private static BakedImage bake(String device, StorageKeyStore store) throws Exception {
		DeviceImageInputs in = fx.inputs(device, KeyRandomness.secure());
		return DeviceImageBaker.bake(new DeviceImageInputs(in.fleet(), in.device(), in.policyBlob(), in.runtimeEfi(), in.runtimeVersion(),
				in.policyKey(), in.secureBootKey(), in.recipients(), in.sourceDateEpoch(), in.randomness(), store));
	}

	/** The envelopes unwrapped by python3-cryptography with bob's card key: lines "slot key-id card hex". */
	private static List<String> unwrapAsBob(BakedImage image, String name) throws Exception {
		Path env = tmp.resolve(name + ".envelopes.cbor");
		Files.write(env, image.files().get(EspPaths.ENVELOPES));
		Path pki = fx.dir;
		String out = Tools.ok("/usr/bin/python3", Tools.resources().resolve("py/unwrap_envelopes.py").toString(), env.toString(),
				BakeFixture.FLEET, "card-bob-1=" + pki.resolve("card-bob-1.key") + ":" + pki.resolve("card-bob-1.pem"));
		return out.lines().toList();
	}

	@Test
	void bakingTwiceWithTheSameStoreWrapsTheSameStorageKeysAndTheStoreNeverHoldsThem() throws Exception {
		Path file = tmp.resolve("same/keys.ppks");
		List<String> first;
		List<String> second;
		try (StorageKeyStoreMasterKey m = master("ks")) {
			try (StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
				BakedImage a = bake("laptop-1", store);
				first = unwrapAsBob(a, "first");
				assertEquals(ImageManifest.KeySource.KEY_STORE, ImageManifest.decode(a.manifest()).keySource());
			}
			try (StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
				second = unwrapAsBob(bake("laptop-1", store), "second");
				assertEquals(List.of(new StorageKeyStore.Entry("acme", "laptop-1", "disk-key", 1, 512),
						new StorageKeyStore.Entry("acme", "laptop-1", "usb-key", 0, 256)), store.entries());
			}
		}
		assertEquals(2, first.size(), first.toString());
		assertEquals(first, second);
		assertTrue(first.get(0).startsWith("0 disk-key card-bob-1 ") && first.get(1).startsWith("1 usb-key card-bob-1 "), first.toString());
		// ISO-8859-1 maps bytes to chars one to one: contains() is a byte search
		String stored = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		for (String line : first) {
			byte[] key = HexFormat.of().parseHex(hexOf(line));
			for (int i = 0; i + 8 <= key.length; i++) {
				assertFalse(stored.contains(new String(key, i, 8, StandardCharsets.ISO_8859_1)), "store holds bytes " + i + ".. of a storage key");
			}
		}
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

		// an independent reader of docs/formats.md 5 (python3-cryptography AESGCM) finds the keys the envelopes carry
		String read = Tools.ok("/usr/bin/python3", Tools.resources().resolve("py/read_key_store.py").toString(), file.toString(),
				HexFormat.of().formatHex(rawMasterKey("ks")));
		assertEquals(List.of("acme laptop-1 disk-key 1 512 " + hexOf(first.get(0)), "acme laptop-1 usb-key 0 256 " + hexOf(first.get(1))),
				read.lines().toList());
	}

	private static String hexOf(String unwrapLine) {
		return unwrapLine.substring(unwrapLine.lastIndexOf(' ') + 1);
	}

	/** The master key's bytes, read by the JDK's PKCS#12 key store for the independent reader only. */
	private static byte[] rawMasterKey(String alias) throws Exception {
		KeyStore ks = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(p12)) {
			ks.load(in, PASS.toCharArray());
		}
		return ks.getKey(alias, PASS.toCharArray()).getEncoded();
	}

	@Test
	void anotherStoreGivesADeviceOtherKeys() throws Exception {
		try (StorageKeyStoreMasterKey m = master("ks"); StorageKeyStore a = StorageKeyStore.openOrCreate(tmp.resolve("a.ppks"), m);
				StorageKeyStore b = StorageKeyStore.openOrCreate(tmp.resolve("b.ppks"), m)) {
			assertFalse(unwrapAsBob(bake("laptop-2", a), "a").equals(unwrapAsBob(bake("laptop-2", b), "b")));
		}
	}

	@Test
	void raisingTheGenerationGivesANewKeyAndKeepsTheOldEntry() throws Exception {
		Path file = tmp.resolve("rotate.ppks");
		try (StorageKeyStoreMasterKey m = master("ks")) {
			byte[] g1;
			byte[] g2;
			try (StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
				g1 = store.key("acme", "laptop-1", "disk-key", 1, 512);
			}
			try (StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
				g2 = store.key("acme", "laptop-1", "disk-key", 2, 512);
				assertEquals(64, g2.length);
				assertFalse(Arrays.equals(g1, g2));
				assertArrayEquals(g1, store.key("acme", "laptop-1", "disk-key", 1, 512));
				assertEquals(List.of(1L, 2L), store.entries().stream().map(StorageKeyStore.Entry::generation).toList());
			}
			try (StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
				assertArrayEquals(g2, store.key("acme", "laptop-1", "disk-key", 2, 512));
				StorageKeyStoreException e = assertThrows(StorageKeyStoreException.class,
						() -> store.key("acme", "laptop-1", "disk-key", 2, 256));
				assertTrue(e.getMessage().contains("raise the key's generation"), e.getMessage());
			}
		}
	}

	/** Keeps laptop-1's disk-key, then {@code device}'s usb-key; returns the store's size with the first only. */
	private static long twoEntries(Path file, StorageKeyStoreMasterKey m, String device) throws Exception {
		try (StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
			store.key("acme", "laptop-1", "disk-key", 1, 512);
			long oneEntry = Files.size(file);
			store.key("acme", device, "usb-key", 0, 256);
			return oneEntry;
		}
	}

	@Test
	void aTamperedEntryIsRefusedNamingTheEntry() throws Exception {
		Path file = tmp.resolve("tampered.ppks");
		try (StorageKeyStoreMasterKey m = master("ks")) {
			long oneEntry = twoEntries(file, m, "laptop-2");
			byte[] data = Files.readAllBytes(file);
			byte[] pristine = data.clone();
			// the last byte of entry 1's sealed key (its GCM tag), before the 28-byte store seal
			data[data.length - 29] ^= 1;
			Files.write(file, data);
			StorageKeyStoreException e = assertThrows(StorageKeyStoreException.class, () -> StorageKeyStore.open(file, m));
			assertTrue(e.getMessage().contains("entry 1 (acme/laptop-2/usb-key generation 0) does not verify"), e.getMessage());
			assertTrue(e.getMessage().contains(file.toString()), e.getMessage());

			// an altered generation is caught by the entry's own tag, named as the file now says
			data = pristine.clone();
			int generation = (int) oneEntry - 28 + 2 + "acme".length() + 2 + "laptop-2".length() + 2 + "usb-key".length();
			data[generation + 7] = 9;
			Files.write(file, data);
			e = assertThrows(StorageKeyStoreException.class, () -> StorageKeyStore.open(file, m));
			assertTrue(e.getMessage().contains("entry 1 (acme/laptop-2/usb-key generation 9) does not verify"), e.getMessage());

			Files.write(file, pristine);
			try (StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
				assertEquals(2, store.entries().size());
			}
			assertArrayEquals(pristine, Files.readAllBytes(file));
		}
	}

	@Test
	void aTruncatedStoreOrOneWithItsLastEntryCutOffIsRefused() throws Exception {
		Path file = tmp.resolve("cut.ppks");
		try (StorageKeyStoreMasterKey m = master("ks")) {
			long oneEntry = twoEntries(file, m, "laptop-1");
			byte[] data = Files.readAllBytes(file);
			Files.write(file, Arrays.copyOf(data, data.length - 10));
			StorageKeyStoreException e = assertThrows(StorageKeyStoreException.class, () -> StorageKeyStore.open(file, m));
			assertTrue(e.getMessage().contains("is truncated"), e.getMessage());

			// drop entry 1 and set the count to 1, keeping the old seal: only the whole-store seal can tell
			byte[] cut = Arrays.copyOf(data, (int) oneEntry - 28 + 28);
			System.arraycopy(data, data.length - 28, cut, (int) oneEntry - 28, 28);
			cut[57] = 1;
			Files.write(file, cut);
			e = assertThrows(StorageKeyStoreException.class, () -> StorageKeyStore.open(file, m));
			assertTrue(e.getMessage().contains("the seal over the whole store does not verify"), e.getMessage());
		}
	}

	@Test
	void aStoreOpenedWithAnotherMasterKeyIsRefusedAsSuch() throws Exception {
		Path file = tmp.resolve("wrong.ppks");
		try (StorageKeyStoreMasterKey m = master("ks"); StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
			store.key("acme", "laptop-1", "disk-key", 1, 512);
		}
		try (StorageKeyStoreMasterKey other = master("other")) {
			StorageKeyStoreException e = assertThrows(StorageKeyStoreException.class, () -> StorageKeyStore.open(file, other));
			assertTrue(e.getMessage().contains("is not sealed under pkcs12:") && e.getMessage().contains("#other"), e.getMessage());
		}
	}

	@Test
	void aMissingStoreIsNotSilentlyCreatedByOpen() throws Exception {
		Path file = tmp.resolve("typo/keys.ppks");
		try (StorageKeyStoreMasterKey m = master("ks")) {
			Exception e = assertThrows(java.io.IOException.class, () -> StorageKeyStore.open(file, m));
			assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
		}
		assertFalse(Files.exists(file));
	}

	@Test
	void aSecondBakeCannotOpenAStoreInUse() throws Exception {
		Path file = tmp.resolve("busy.ppks");
		try (StorageKeyStoreMasterKey m = master("ks"); StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
			Exception e = assertThrows(java.io.IOException.class, () -> StorageKeyStore.open(file, m));
			assertTrue(e.getMessage().contains("in use by another bake"), e.getMessage());
		}
	}

	@Test
	void aWrongPassphraseOrANonAesAliasIsRefusedWithoutShowingThePassphrase() throws Exception {
		Exception e = assertThrows(java.io.IOException.class, () -> StorageKeyStoreMasterKey.open("pkcs12:" + p12 + "#ks", tmp,
				SecretSource.environment("P", Map.of("P", "not-the-pass")), Path.of(Pkcs11SigningKeyTest.MODULE)));
		assertFalse(e.getMessage().contains("not-the-pass"), e.getMessage());
		assertTrue(e.getMessage().contains("environment variable P"), e.getMessage());
		e = assertThrows(java.io.IOException.class, () -> StorageKeyStoreMasterKey.open("pkcs12:" + p12, tmp,
				SecretSource.environment("P", Map.of("P", PASS)), Path.of(Pkcs11SigningKeyTest.MODULE)));
		assertTrue(e.getMessage().contains("pkcs12:FILE#ALIAS"), e.getMessage());
	}

	@Test
	void aMasterKeyOnASofthsm2TokenKeepsKeysAcrossBakes() throws Exception {
		Pkcs11SigningKeyTest.token();
		Path file = tmp.resolve("hsm.ppks");
		String uri = "pkcs11:token=parapet-ks;object=ks-master";
		SecretSource pin = SecretSource.environment("PIN", Map.of("PIN", Pkcs11SigningKeyTest.PIN));
		List<String> first;
		try (StorageKeyStoreMasterKey m = StorageKeyStoreMasterKey.open(uri, tmp, pin, Path.of(Pkcs11SigningKeyTest.MODULE));
				StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
			first = unwrapAsBob(bake("laptop-1", store), "hsm-1");
		}
		try (StorageKeyStoreMasterKey m = StorageKeyStoreMasterKey.open(uri, tmp, pin, Path.of(Pkcs11SigningKeyTest.MODULE));
				StorageKeyStore store = StorageKeyStore.openOrCreate(file, m)) {
			assertEquals(first, unwrapAsBob(bake("laptop-1", store), "hsm-2"));
		}
		// the same store opened with a PKCS#12 key is refused: the key check binds it to the token's key
		try (StorageKeyStoreMasterKey m = master("ks")) {
			assertThrows(StorageKeyStoreException.class, () -> StorageKeyStore.open(file, m));
		}
	}
}
