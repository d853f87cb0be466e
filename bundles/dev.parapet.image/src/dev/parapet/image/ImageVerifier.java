// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

import dev.parapet.compiler.cbor.CborDecoder;
import dev.parapet.compiler.cbor.CborFormatException;
import dev.parapet.compiler.cbor.CborItem;
import dev.parapet.compiler.cose.InvalidPolicyException;
import dev.parapet.image.internal.crypto.CmsSignatures;
import dev.parapet.image.internal.crypto.P256;
import dev.parapet.image.internal.disk.DiskImageReader;
import dev.parapet.image.internal.disk.EspDisk;
import dev.parapet.image.internal.disk.Guids;
import dev.parapet.image.internal.manifest.ImageManifest;
import dev.parapet.image.internal.pe.AuthenticodeVerifier;
import dev.parapet.image.internal.pe.PeFormatException;
import dev.parapet.image.internal.pe.PeImage;
import dev.parapet.image.internal.pe.PppKeySection;
import dev.parapet.image.internal.policy.CborFields;
import dev.parapet.image.internal.policy.PolicyFacts;

/**
 * Verifies a baked image offline and explains itself: disk structure, manifest signature and
 * contents, every part's hash, the Secure Boot signature, the policy blob's signature under the key
 * in {@code .pppkey}, the envelopes' consistency with the policy, and where the keys came from.
 * Any unexpected file, unverifiable signature or mismatch fails the verification.
 */
public final class ImageVerifier {

	private final List<X509Certificate> trust;
	private final boolean allowTestKeys;

	/**
	 * @param trust         certificates a signer must chain to (the fleet's Secure Boot certificate or its CA)
	 * @param allowTestKeys accept images baked with {@code --deterministic-test-keys} (tests only)
	 */
	public ImageVerifier(List<X509Certificate> trust, boolean allowTestKeys) {
		this.trust = List.copyOf(trust);
		this.allowTestKeys = allowTestKeys;
	}

	/** Verifies the image at {@code image}; never throws for a bad image, only for unreadable files. */
	public VerificationReport verify(Path image) throws IOException {
		VerificationReport r = new VerificationReport();
		Map<String, byte[]> files;
		try (FileChannel ch = FileChannel.open(image)) {
			DiskImageReader reader = new DiskImageReader(ch);
			DiskImageReader.Gpt gpt;
			try {
				gpt = reader.gpt();
				r.pass("gpt", "protective MBR, primary and backup headers and entry arrays with valid CRC32s, one EFI System Partition at LBA "
						+ gpt.firstLba() + ".." + gpt.lastLba());
			} catch (IOException e) {
				r.fail("gpt", e.getMessage());
				return r;
			}
			try {
				files = reader.files(gpt);
				r.pass("fat32", "volume readable, " + files.size() + " files");
			} catch (IOException e) {
				r.fail("fat32", e.getMessage());
				return r;
			}
			verifyContents(r, files, gpt);
		}
		return r;
	}

	private void verifyContents(VerificationReport r, Map<String, byte[]> files, DiskImageReader.Gpt gpt) {
		Map<String, byte[]> byUpper = new HashMap<>();
		files.forEach((k, v) -> byUpper.put(k.toUpperCase(java.util.Locale.ROOT), v));
		byte[] p7s = byUpper.get(EspPaths.MANIFEST.toUpperCase(java.util.Locale.ROOT));
		if (p7s == null) {
			r.fail("manifest signature", EspPaths.uefi(EspPaths.MANIFEST) + " is missing");
			return;
		}
		ImageManifest manifest;
		try {
			CMSSignedData signed = new CMSSignedData(p7s);
			X509Certificate signer = CmsSignatures.verifySingleSigner(signed, trust);
			r.pass("manifest signature", "CMS SignedData by " + signer.getSubjectX500Principal().getName() + ", chains to a trusted certificate");
			manifest = ImageManifest.decode((byte[]) signed.getSignedContent().getContent());
			r.pass("manifest format", "version " + ImageManifest.VERSION + ", fleet " + manifest.fleet() + ", device " + manifest.device()
					+ ", rollback counter " + manifest.rollbackCounter() + ", hv-runtime " + manifest.runtimeVersion() + ", policy id "
					+ HexFormat.of().formatHex(manifest.policyId()));
		} catch (CMSException | GeneralSecurityException | CborFormatException | ClassCastException e) {
			r.fail("manifest signature", e.getMessage());
			return;
		}
		String expectedDisk = Guids.derive("parapet-gpt-disk", manifest.fleet(), manifest.device()).toString();
		check(r, "disk identity", gpt.diskGuid().toString().equals(expectedDisk) && EspDisk.PARTITION_NAME.equals(gpt.partitionName()),
				"disk GUID " + gpt.diskGuid() + (gpt.diskGuid().toString().equals(expectedDisk) ? " belongs to " : " does not belong to ")
						+ manifest.fleet() + "/" + manifest.device());
		Set<String> listed = new HashSet<>();
		listed.add(EspPaths.uefi(EspPaths.MANIFEST).toUpperCase(java.util.Locale.ROOT));
		Map<String, byte[]> parts = new HashMap<>();
		for (ImageManifest.Part p : manifest.parts()) {
			String key = p.path().substring(1).replace('\\', '/').toUpperCase(java.util.Locale.ROOT);
			listed.add(p.path().toUpperCase(java.util.Locale.ROOT));
			byte[] data = byUpper.get(key);
			if (data == null) {
				r.fail("part " + p.path(), "listed in the manifest but missing");
				continue;
			}
			byte[] h = sha256(data);
			boolean ok = data.length == p.size() && MessageDigest.isEqual(h, p.sha256());
			check(r, "part " + p.path(), ok, ok ? p.size() + " bytes, SHA-256 " + p.hex()
					: "SHA-256 " + HexFormat.of().formatHex(h) + " / " + data.length + " bytes, manifest says " + p.hex() + " / " + p.size());
			parts.put(key, data);
		}
		Set<String> extra = new HashSet<>();
		for (String f : files.keySet()) {
			if (!listed.contains(EspPaths.uefi(f).toUpperCase(java.util.Locale.ROOT))) {
				extra.add(EspPaths.uefi(f));
			}
		}
		check(r, "no unlisted files", extra.isEmpty(), extra.isEmpty() ? "every file on the ESP is in the manifest" : "not in the manifest: " + extra);

		byte[] efi = parts.get(EspPaths.RUNTIME.toUpperCase(java.util.Locale.ROOT));
		byte[] blobBytes = parts.get(EspPaths.POLICY.toUpperCase(java.util.Locale.ROOT));
		byte[] envelopes = parts.get(EspPaths.ENVELOPES.toUpperCase(java.util.Locale.ROOT));
		byte[] sbom = parts.get(EspPaths.SBOM.toUpperCase(java.util.Locale.ROOT));
		if (efi == null || blobBytes == null || envelopes == null || sbom == null) {
			r.fail("image parts", "the manifest must list hv-runtime, the policy blob, the envelopes and the SBOM");
			return;
		}
		try {
			X509Certificate signer = AuthenticodeVerifier.verify(efi, trust);
			r.pass("secure boot signature", "Authenticode SHA-256 image hash matches, signed by " + signer.getSubjectX500Principal().getName());
		} catch (PeFormatException | GeneralSecurityException e) {
			r.fail("secure boot signature", e.getMessage());
		}
		byte[] keyPoint = null;
		try {
			keyPoint = PppKeySection.read(PeImage.parse(efi));
			P256.decodePoint(keyPoint);
			r.pass("policy key", ".pppkey holds P-256 key " + HexFormat.of().formatHex(Arrays.copyOf(sha256(keyPoint), 8)) + "... (SHA-256 prefix)");
		} catch (PeFormatException | IllegalArgumentException e) {
			keyPoint = null;
			r.fail("policy key", e.getMessage());
		}
		PolicyFacts blob = null;
		if (keyPoint != null) {
			try {
				blob = PolicyFacts.verify(blobBytes, P256.toPublicKey(keyPoint));
				r.pass("policy signature", "ES256 signature verifies with the key in .pppkey; schema and policy id checked");
				boolean same = blob.fleet().equals(manifest.fleet()) && blob.device().equals(manifest.device())
						&& Arrays.equals(blob.policyId(), manifest.policyId()) && blob.rollbackCounter() == manifest.rollbackCounter();
				check(r, "policy matches manifest", same, same ? "fleet, device, policy id and rollback counter agree"
						: "blob is " + blob.fleet() + "/" + blob.device() + " counter " + blob.rollbackCounter());
			} catch (InvalidPolicyException e) {
				r.fail("policy signature", e.getMessage());
			}
		}
		if (blob != null) {
			verifyEnvelopes(r, envelopes, blob, manifest);
		}
		String sbomText = new String(sbom, StandardCharsets.UTF_8);
		boolean listsAll = sbomText.contains("\"specVersion\": \"1.5\"");
		for (ImageManifest.Part p : manifest.parts()) {
			if (!p.path().equalsIgnoreCase(EspPaths.uefi(EspPaths.SBOM))) {
				listsAll &= sbomText.contains(p.hex());
			}
		}
		check(r, "sbom", listsAll, listsAll ? "CycloneDX 1.5, lists the SHA-256 of every other part" : "SBOM does not list every part's hash");
		boolean test = manifest.keySource() == ImageManifest.KeySource.DETERMINISTIC_TEST_KEYS;
		check(r, "key randomness", !test || allowTestKeys, switch (manifest.keySource()) {
		case DETERMINISTIC_TEST_KEYS -> "storage and ephemeral keys derived from a public test seed (--deterministic-test-keys): NOT a production image";
		case KEY_STORE -> "storage keys from a storage-key store (the same at every bake until their generation is raised),"
				+ " ephemeral keys drawn from a secure random generator; random parts: " + manifest.randomParts();
		case SECURE_RANDOM -> "storage keys EPHEMERAL: drawn from a secure random generator at bake time and kept nowhere, re-baking this device loses its"
				+ " encrypted data (bake with --key-store); random parts: " + manifest.randomParts();
		});
	}

	private static void verifyEnvelopes(VerificationReport r, byte[] envelopes, PolicyFacts blob, ImageManifest manifest) {
		try {
			CborFields top = CborFields.of(CborDecoder.decode(envelopes), "envelopes").only(Set.of(1L, 2L, 3L, 4L, 5L));
			if (top.uint(1) != 1 || !manifest.fleet().equals(top.text(2)) || !manifest.device().equals(top.text(3))
					|| !Arrays.equals(top.bytes(4, 32), manifest.policyId())) {
				r.fail("key envelopes", "header does not name this fleet, device and policy id");
				return;
			}
			List<CborItem> list = top.array(5);
			List<PolicyFacts.StorageKey> keys = blob.storageKeys();
			if (list.size() != keys.size()) {
				r.fail("key envelopes", list.size() + " envelopes for " + keys.size() + " storage keys");
				return;
			}
			int recipients = 0;
			for (int i = 0; i < keys.size(); i++) {
				PolicyFacts.StorageKey k = keys.get(i);
				CborFields e = CborFields.of(list.get(i), "envelopes/5/" + i).only(Set.of(1L, 2L, 3L, 4L, 5L));
				if (e.uint(1) != k.slot() || !k.keyId().equals(e.text(2)) || e.uint(3) != k.generation()) {
					r.fail("key envelopes", "envelope " + i + " does not match storage key " + k.keyId());
					return;
				}
				int wrapped = k.bits() / 8 + 8;
				for (CborItem o : e.array(4)) {
					CborFields rc = CborFields.of(o, "recipient").only(Set.of(1L, 2L, 3L, 4L, 5L));
					rc.text(1);
					rc.text(2);
					rc.bytes(3, 32);
					P256.decodePoint(rc.bytes(4, P256.POINT_LENGTH));
					rc.bytes(5, wrapped);
					recipients++;
				}
				if (e.has(5)) {
					CborFields esc = e.map(5).only(Set.of(1L, 2L, 3L));
					esc.bytes(1, 32);
					P256.decodePoint(esc.bytes(2, P256.POINT_LENGTH));
					esc.bytes(3, wrapped);
				}
			}
			r.pass("key envelopes", keys.size() + " storage keys, " + recipients + " card envelopes, all match the policy");
		} catch (CborFormatException | IllegalArgumentException e) {
			r.fail("key envelopes", e.getMessage());
		}
	}

	private static void check(VerificationReport r, String name, boolean ok, String detail) {
		if (ok) {
			r.pass(name, detail);
		} else {
			r.fail(name, detail);
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
