// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.image.BakedImage;
import dev.parapet.image.DeviceImageBaker;
import dev.parapet.image.DeviceImageInputs;
import dev.parapet.image.EspPaths;
import dev.parapet.image.FleetBake;
import dev.parapet.image.ImageBakeException;
import dev.parapet.image.ImageVerifier;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.VerificationReport;

class BakeAndVerifyTest {

	@TempDir
	static Path tmp;
	static BakeFixture fx;
	static Path image;
	static BakedImage baked;

	@BeforeAll
	static void bakeOnce() throws Exception {
		fx = new BakeFixture(tmp);
		FleetBake.Result r = new FleetBake(tmp.resolve("out"), 2, true, new FleetBake.Listener() {
		}).run(BakeFixture.FLEET, BakeFixture.EPOCH, List.of("laptop-1", "laptop-2"),
				d -> fx.inputs(d, KeyRandomness.deterministicForTests("bake-test")), new AtomicBoolean());
		assertTrue(r.ok(), r.failures().toString());
		image = tmp.resolve("out/laptop-1.img");
		baked = DeviceImageBaker.bake(fx.inputs("laptop-1", KeyRandomness.deterministicForTests("bake-test")));
	}

	private ImageVerifier verifier(boolean allowTestKeys) throws Exception {
		X509Certificate sb = fx.pki.certificate(fx.secureBootCertificate());
		return new ImageVerifier(List.of(sb), allowTestKeys);
	}

	private static Path extract(Path img, String path, String name) throws Exception {
		Path out = tmp.resolve(name);
		Files.deleteIfExists(out);
		Tools.ok("mcopy", "-n", "-i", img + "@@1M", "::/" + path, out.toString());
		return out;
	}

	@Test
	void bakingTwiceInDifferentFoldersGivesBitIdenticalImagesAndBundles() throws Exception {
		FleetBake.Result again = new FleetBake(tmp.resolve("again"), 1, true, new FleetBake.Listener() {
		}).run(BakeFixture.FLEET, BakeFixture.EPOCH, List.of("laptop-2", "laptop-1"),
				d -> fx.inputs(d, KeyRandomness.deterministicForTests("bake-test")), new AtomicBoolean());
		assertTrue(again.ok());
		for (String f : List.of("laptop-1.img", "laptop-2.img", "acme.images.tar.gz")) {
			assertEquals(sha(tmp.resolve("out").resolve(f)), sha(tmp.resolve("again").resolve(f)), f);
		}
		assertFalse(sha(tmp.resolve("out/laptop-1.img")).equals(sha(tmp.resolve("out/laptop-2.img"))));
		assertEquals(HexFormat.of().formatHex(baked.sha256()), sha(image));
	}

	@Test
	void theBundleIsATarGzWithTheFleetManifestAndEveryImage() throws Exception {
		String list = Tools.ok("tar", "-tvzf", tmp.resolve("out/acme.images.tar.gz").toString());
		List<String> names = list.lines().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
		assertEquals(List.of("fleet-manifest.json", "laptop-1.img", "laptop-2.img"), names, list);
		Path x = tmp.resolve("unpacked");
		Files.createDirectories(x);
		Tools.ok("tar", "-xzf", tmp.resolve("out/acme.images.tar.gz").toString(), "-C", x.toString());
		assertEquals(sha(image), sha(x.resolve("laptop-1.img")));
		String manifest = Files.readString(x.resolve("fleet-manifest.json"));
		assertTrue(manifest.contains("\"sha256\": \"" + sha(image) + "\""), manifest);
	}

	@Test
	void verifyImageAcceptsTheImageAndNamesEveryCheck() throws Exception {
		VerificationReport r = verifier(true).verify(image);
		String text = r.checks().stream().map(Object::toString).collect(Collectors.joining("\n"));
		assertTrue(r.ok(), text);
		List<String> names = r.checks().stream().map(VerificationReport.Check::name).toList();
		for (String n : List.of("gpt", "fat32", "manifest signature", "manifest format", "disk identity", "part \\EFI\\BOOT\\BOOTX64.EFI",
				"part \\EFI\\parapet\\policy.cose", "part \\EFI\\parapet\\envelopes.cbor", "part \\EFI\\parapet\\sbom.cdx.json",
				"no unlisted files", "secure boot signature", "policy key", "policy signature", "policy matches manifest", "key envelopes",
				"sbom", "key randomness")) {
			assertTrue(names.contains(n), n + " missing in\n" + text);
		}
	}

	@Test
	void anImageWithDeterministicTestKeysIsRejectedUnlessTestKeysAreAllowed() throws Exception {
		VerificationReport r = verifier(false).verify(image);
		assertFalse(r.ok());
		assertEquals(List.of("key randomness"), r.checks().stream().filter(c -> !c.ok()).map(VerificationReport.Check::name).toList());
	}

	@Test
	void aProductionBakeUsesFreshKeysAndSaysSo() throws Exception {
		Path out = tmp.resolve("prod");
		FleetBake.Result r = new FleetBake(out, 1, false, new FleetBake.Listener() {
		}).run(BakeFixture.FLEET, BakeFixture.EPOCH, List.of("laptop-1"), d -> fx.inputs(d, KeyRandomness.secure()), new AtomicBoolean());
		assertTrue(r.ok());
		assertNull(r.bundle());
		VerificationReport v = verifier(false).verify(out.resolve("laptop-1.img"));
		assertTrue(v.ok(), v.checks().toString());
		assertTrue(v.checks().stream().anyMatch(c -> c.name().equals("key randomness") && c.detail().contains("secure random")));
	}

	@Test
	void opensslCmsVerifyAcceptsTheManifestAndItsContentIsTheCanonicalManifest() throws Exception {
		Path p7s = extract(image, EspPaths.MANIFEST, "manifest.p7s");
		Path content = tmp.resolve("manifest.cbor");
		Tools.ok("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(), "-CAfile",
				fx.secureBootCertificate().toString(), "-purpose", "any", "-out", content.toString());
		assertArrayEquals(baked.manifest(), Files.readAllBytes(content));
		Tools.Result wrong = Tools.run(null, List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
				"-CAfile", fx.pki.secureBoot("other").toString(), "-purpose", "any", "-out", content.toString()));
		assertTrue(wrong.exit() != 0, wrong.output());
	}

	@Test
	void sbverifyAndOsslsigncodeAcceptTheBakedBootloader() throws Exception {
		Path efi = extract(image, EspPaths.RUNTIME, "BOOTX64.EFI");
		assertTrue(Tools.ok("sbverify", "--cert", fx.secureBootCertificate().toString(), efi.toString()).contains("Signature verification OK"));
		assertTrue(Tools.ok("osslsigncode", "verify", "-CAfile", fx.secureBootCertificate().toString(), "-in", efi.toString())
				.contains("Signature verification: ok"));
	}

	@Test
	void fdiskSfdiskAndFsckAcceptTheBakedDisk() throws Exception {
		assertTrue(Tools.ok("sfdisk", "--json", image.toString()).contains("C12A7328-F81F-11D2-BA4B-00A0C93EC93B"));
		assertTrue(Tools.ok("fdisk", "-l", image.toString()).contains("EFI System"));
		byte[] all = Files.readAllBytes(image);
		Path esp = tmp.resolve("baked-esp.img");
		Files.write(esp, java.util.Arrays.copyOfRange(all, 2048 * 512, all.length - 33 * 512));
		Tools.ok("fsck.vfat", "-n", esp.toString());
	}

	@Test
	void theSbomIsValidCycloneDx15ListingEveryPart() throws Exception {
		Path sbom = extract(image, EspPaths.SBOM, "sbom.json");
		Tools.ok("/usr/bin/python3", Tools.resources().resolve("py/validate_cyclonedx.py").toString(),
				System.getProperty("parapet.image.tests.cyclonedx"), sbom.toString());
		String out = Tools.ok("/usr/bin/python3", "-c", "import json,sys; d=json.load(open(sys.argv[1])); "
				+ "assert d['bomFormat']=='CycloneDX' and d['specVersion']=='1.5'; "
				+ "print('\\n'.join(c['properties'][0]['value']+' '+c['hashes'][0]['content'] for c in d['components']))", sbom.toString());
		Map<String, byte[]> files = baked.files();
		for (String p : List.of(EspPaths.RUNTIME, EspPaths.POLICY, EspPaths.ENVELOPES)) {
			assertTrue(out.contains(EspPaths.uefi(p) + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get(p)))), out);
		}
	}

	@Test
	void flippingAByteInAnySignedPartIsDetected() throws Exception {
		byte[] all = Files.readAllBytes(image);
		Map<String, byte[]> files = baked.files();
		byte[] efi = files.get(EspPaths.RUNTIME);
		int efiAt = indexOf(all, efi);
		int pppkey = indexOf(efi, new byte[] { 'P', 'P', 'P', 'K', 'E', 'Y', 0, 0, 1, 0, 0, 0 });
		Map<String, Integer> targets = new java.util.LinkedHashMap<>();
		targets.put("EFI code", efiAt + 0x400);
		targets.put("EFI .pppkey", efiAt + pppkey + 20);
		targets.put("EFI Authenticode signature", efiAt + efi.length - 40);
		for (String p : List.of(EspPaths.POLICY, EspPaths.ENVELOPES, EspPaths.SBOM, EspPaths.MANIFEST)) {
			byte[] data = files.get(p);
			targets.put(p, indexOf(all, data) + data.length / 2);
		}
		targets.put("primary GPT header", 512 + 60);
		targets.put("backup GPT entries", all.length - 33 * 512 + 20);
		targets.put("FAT", 2048 * 512 + 32 * 512 + 9);
		for (Map.Entry<String, Integer> t : targets.entrySet()) {
			byte[] copy = all.clone();
			copy[t.getValue()] ^= 0x01;
			Path bad = tmp.resolve("tampered.img");
			Files.write(bad, copy);
			VerificationReport r = verifier(true).verify(bad);
			assertFalse(r.ok(), "tampering with " + t.getKey() + " went unnoticed: " + r.checks());
		}
	}

	@Test
	void aFailedBakeLeavesNoImageNoTemporaryFileAndNoBundle() throws Exception {
		Path out = tmp.resolve("failed");
		FleetBake.Result r = new FleetBake(out, 2, true, new FleetBake.Listener() {
		}).run(BakeFixture.FLEET, BakeFixture.EPOCH, List.of("laptop-1", "wrong"), d -> {
			DeviceImageInputs in = fx.inputs("laptop-1", KeyRandomness.secure());
			return d.equals("wrong") ? new DeviceImageInputs(in.fleet(), "wrong", in.policyBlob(), in.runtimeEfi(), in.runtimeVersion(),
					in.policyKey(), in.secureBootKey(), in.recipients(), in.sourceDateEpoch(), in.randomness()) : in;
		}, new AtomicBoolean());
		assertFalse(r.ok());
		assertTrue(r.failures().get("wrong").contains("policy blob is for acme/laptop-1"), r.failures().toString());
		assertNull(r.bundle());
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(List.of("laptop-1.img"), s.map(p -> p.getFileName().toString()).sorted().toList());
		}
	}

	@Test
	void aBlobSignedByAnotherKeyIsNotBaked() throws Exception {
		DeviceImageInputs in = fx.inputs("laptop-1", KeyRandomness.secure());
		DeviceImageInputs other = new DeviceImageInputs(in.fleet(), in.device(), in.policyBlob(), in.runtimeEfi(), in.runtimeVersion(),
				fx.pki.ecPublic("card-bob-1"), in.secureBootKey(), in.recipients(), in.sourceDateEpoch(), in.randomness());
		ImageBakeException e = org.junit.jupiter.api.Assertions.assertThrows(ImageBakeException.class, () -> DeviceImageBaker.bake(other));
		assertNotNull(e.getMessage());
		assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
	}

	private static String sha(Path p) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
	}

	private static int indexOf(byte[] hay, byte[] needle) {
		int n = Math.min(needle.length, 64);
		outer: for (int i = 0; i <= hay.length - n; i++) {
			for (int j = 0; j < n; j++) {
				if (hay[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}
}
