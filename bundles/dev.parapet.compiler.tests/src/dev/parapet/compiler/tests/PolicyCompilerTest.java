// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.CreationTime;
import dev.parapet.compiler.FleetCompiler;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.cose.DecodedBlob;
import dev.parapet.compiler.cose.InvalidPolicyException;
import dev.parapet.compiler.cose.PolicyBlobReader;
import dev.parapet.compiler.keys.PolicySigner;

class PolicyCompilerTest {

	private static CompiledPolicy compile(String device) throws Exception {
		LoadedFleet fleet = TestResources.smallFleet();
		try (PolicySigner signer = TestResources.testSigner()) {
			return TestResources.compiler().compile(fleet.device(device).orElseThrow(), TestResources.CREATED, signer);
		}
	}

	@Test
	void compilingTheSameFleetTwiceGivesByteIdenticalBlobs() throws Exception {
		for (String device : List.of("laptop-1", "lab-7")) {
			assertArrayEquals(compile(device).blob(), compile(device).blob(), device);
		}
	}

	@Test
	void blobsOfTheSmallFleetMatchTheGoldenFiles() throws Exception {
		for (String device : List.of("laptop-1", "lab-7")) {
			Path golden = TestResources.root().resolve("golden").resolve(device + FleetCompiler.BLOB_SUFFIX);
			byte[] actual = compile(device).blob();
			if (!Files.exists(golden)) {
				Files.createDirectories(golden.getParent());
				Files.write(golden, actual);
				throw new AssertionError("Golden file was missing and has been written: " + golden);
			}
			assertArrayEquals(Files.readAllBytes(golden), actual, "golden blob of " + device);
		}
	}

	@Test
	void blobVerifiesWithTheSigningCertificateAndCarriesTheResolvedPolicy() throws Exception {
		CompiledPolicy compiled = compile("laptop-1");
		DecodedBlob decoded = PolicyBlobReader.verify(compiled.blob(),
				TestResources.certificate("keys/policy-signing.pem").getPublicKey());
		JsonObject policy = decoded.policy();
		assertEquals("testfleet", policy.get("fleet").getAsString());
		assertEquals("laptop-1", policy.get("device").getAsString());
		assertEquals(3, policy.get("rollbackCounter").getAsLong());
		assertEquals(TestResources.CREATED, policy.get("created").getAsLong());
		assertEquals("SN-0001", policy.getAsJsonObject("binding").get("serial").getAsString());
		assertEquals(compiled.policyIdHex(), decoded.policyIdHex());
		// slots are numbered by key name: archive-key (xts-128, generation 1 by default), disk-key
		JsonArray keys = policy.getAsJsonArray("storageKeys");
		assertEquals("archive-key", keys.get(0).getAsJsonObject().get("keyId").getAsString());
		assertEquals(256, keys.get(0).getAsJsonObject().get("bits").getAsInt());
		assertEquals(1, keys.get(0).getAsJsonObject().get("generation").getAsInt());
		assertEquals(512, keys.get(1).getAsJsonObject().get("bits").getAsInt());
		assertEquals(2, keys.get(1).getAsJsonObject().get("generation").getAsInt());
		JsonObject usb = policy.getAsJsonObject("usb");
		assertEquals("encrypt", usb.getAsJsonArray("rules").get(0).getAsJsonObject().getAsJsonObject("action")
				.get("action").getAsString());
		assertEquals("0951", usb.getAsJsonArray("rules").get(0).getAsJsonObject().get("vendor").getAsString());
		assertEquals("deny", usb.getAsJsonObject("default").get("action").getAsString());
		JsonObject login = policy.getAsJsonObject("login");
		assertEquals(8, login.get("pinMaximum").getAsInt());
		assertEquals(1, login.getAsJsonArray("trustAnchors").size());
		// staff = bob + admins(alice): two cards, sorted by hash
		assertEquals(2, login.getAsJsonArray("allowedCards").size());
		assertEquals("25b7d6756c5d892e9615cbc93b5c89eee14b8663b95505e9300bfef79d522443",
				login.getAsJsonArray("allowedCards").get(0).getAsString());
		assertEquals("98dc5561deb5560229c49490157efcb35452e7e3cfc0bc210afe5e4c305733a1",
				login.getAsJsonArray("allowedCards").get(1).getAsString());
		JsonObject settings = policy.getAsJsonObject("settings");
		assertEquals("warn", settings.get("log").getAsString());
		assertEquals("\\EFI\\debian\\grubx64.efi", settings.get("osLoader").getAsString());
		assertEquals("vt-d", policy.getAsJsonObject("dma").get("iommu").getAsString());
	}

	@Test
	void storageRulesAreSortedByControllerLocationAndStart() throws Exception {
		JsonArray rules = PolicyBlobReader.decodeUnverified(compile("lab-7").blob()).policy().getAsJsonArray("storageRules");
		assertEquals(3, rules.size());
		assertEquals("ata", rules.get(0).getAsJsonObject().get("controller").getAsString());
		assertEquals(0, rules.get(0).getAsJsonObject().get("firstLba").getAsLong());
		assertEquals("plain", rules.get(0).getAsJsonObject().get("cipher").getAsString());
		assertEquals("slave", rules.get(0).getAsJsonObject().get("drive").getAsString());
		assertEquals(2048, rules.get(1).getAsJsonObject().get("firstLba").getAsLong());
		assertEquals("end", rules.get(1).getAsJsonObject().get("lastLba").getAsString());
		assertEquals("ahci", rules.get(2).getAsJsonObject().get("controller").getAsString());
	}

	@Test
	void masterAndSlaveDisksOnOneChannelAreOrderedByDrive() throws Exception {
		JsonArray rules = PolicyBlobReader.verify(compile("lab-8").blob(),
				TestResources.certificate("keys/policy-signing.pem").getPublicKey()).policy().getAsJsonArray("storageRules");
		assertEquals("master", rules.get(0).getAsJsonObject().get("drive").getAsString());
		assertEquals("slave", rules.get(1).getAsJsonObject().get("drive").getAsString());
	}

	@Test
	void peersCarryDefaultsCertificatesAndKeyReferencesButNoHolderNames() throws Exception {
		CompiledPolicy lab = compile("lab-7");
		JsonArray peers = PolicyBlobReader.decodeUnverified(lab.blob()).policy().getAsJsonObject("network")
				.getAsJsonArray("peers");
		JsonObject backup = peers.get(1).getAsJsonObject();
		assertEquals(28_800, backup.get("ikeLifetime").getAsLong());
		assertEquals(3_600, backup.get("espLifetime").getAsLong());
		assertEquals("pkcs12:psk.p12#backup", backup.getAsJsonObject("auth").get("keyReference").getAsString());
		assertEquals("certificate", peers.get(0).getAsJsonObject().getAsJsonObject("auth").get("method").getAsString());
		String laptop = new String(compile("laptop-1").payload(), StandardCharsets.ISO_8859_1);
		for (String name : List.of("alice", "Alice", "bob", "admins", "staff")) {
			assertFalse(laptop.contains(name), "payload must not name " + name);
		}
	}

	@Test
	void flippingAnySingleByteOfABlobFailsVerification() throws Exception {
		byte[] blob = compile("laptop-1").blob();
		var key = TestResources.certificate("keys/policy-signing.pem").getPublicKey();
		PolicyBlobReader.verify(blob, key);
		for (int i = 0; i < blob.length; i++) {
			for (int mask : new int[] { 0x01, 0x80 }) {
				byte[] flipped = blob.clone();
				flipped[i] ^= (byte) mask;
				int at = i;
				assertThrows(InvalidPolicyException.class, () -> PolicyBlobReader.verify(flipped, key),
						"flip at byte " + at);
			}
		}
	}

	@Test
	void aBlobDoesNotVerifyWithAnotherKey() throws Exception {
		InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyBlobReader
				.verify(compile("laptop-1").blob(), TestResources.certificate("keys/other-signing.pem").getPublicKey()));
		assertTrue(e.getMessage().contains("another key"), e.getMessage());
	}

	@Test
	void aRequiredGroupWhoseCardCertificatesAreUnknownDoesNotCompile() throws Exception {
		var device = TestResources.smallFleet().device("laptop-1").orElseThrow();
		try (PolicySigner signer = TestResources.testSigner()) {
			CompileException e = assertThrows(CompileException.class,
					() -> new PolicyCompiler().compile(device, TestResources.CREATED, signer));
			assertTrue(e.getMessage().contains("9A certificate is unknown"), e.getMessage());
		}
	}

	@Test
	void compilingWithoutSourceDateEpochOrExplicitTimeIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> CreationTime.resolve(Optional.empty(), Map.of()));
		assertTrue(e.getMessage().contains("SOURCE_DATE_EPOCH"));
		assertEquals(42, CreationTime.resolve(Optional.empty(), Map.of("SOURCE_DATE_EPOCH", "42")));
		assertEquals(7, CreationTime.resolve(Optional.of("7"), Map.of("SOURCE_DATE_EPOCH", "42")));
		assertThrows(IllegalArgumentException.class, () -> CreationTime.resolve(Optional.of("-1"), Map.of()));
	}

	@Test
	void everyElementOfTheModelLinksToItsSourceLine() throws Exception {
		var model = compile("lab-7").model();
		assertTrue(model.source().uri().endsWith("fleet-small/fleet.parapet"));
		assertEquals(103, model.storageRules().get(0).source().line());
		assertEquals(108, model.network().peers().get(0).source().line());
		assertTrue(model.settings().log().source().line() > 0);
		assertTrue(model.login().pinMinimum().source().isLanguageDefault());
	}

	@Test
	void compileRunWritesOneBlobPerDeviceAndAnIndex(@TempDir Path out) throws Exception {
		LoadedFleet fleet = TestResources.smallFleet();
		FleetCompiler compiler = new FleetCompiler(TestResources.compiler());
		try (PolicySigner signer = TestResources.testSigner()) {
			FleetCompiler.Result result = compiler.compile(fleet.devices(), TestResources.CREATED, signer);
			assertEquals(List.of(), result.failures());
			compiler.write(fleet, result, TestResources.CREATED, signer, out);
		}
		assertTrue(Files.exists(out.resolve("lab-7.policy.cose")));
		assertTrue(Files.exists(out.resolve("laptop-1.policy.cose")));
		String index = Files.readString(out.resolve(FleetCompiler.INDEX));
		assertTrue(index.contains("\"device\": \"lab-7\""), index);
		assertTrue(index.indexOf("lab-7") < index.indexOf("laptop-1"), "index sorted by device");
	}
}
