// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.parapet.compiler.cose.InvalidPolicyException;
import dev.parapet.image.internal.disk.EspDisk;
import dev.parapet.image.internal.envelope.KeyEnvelopes;
import dev.parapet.image.internal.envelope.StorageKeyWrap;
import dev.parapet.image.internal.manifest.CmsManifestSigner;
import dev.parapet.image.internal.manifest.CycloneDxSbom;
import dev.parapet.image.internal.manifest.ImageManifest;
import dev.parapet.image.internal.pe.AuthenticodeSigner;
import dev.parapet.image.internal.pe.PeFormatException;
import dev.parapet.image.internal.pe.PeImage;
import dev.parapet.image.internal.pe.PppKeySection;
import dev.parapet.image.internal.policy.PolicyFacts;

/**
 * Bakes one device image: writes the policy key into hv-runtime's {@code .pppkey}, Authenticode-
 * signs it, wraps the storage keys to their cards, writes the SBOM and the CMS-signed manifest over
 * every part, and lays them out on a GPT disk with a FAT32 ESP. Refuses inputs that disagree (a
 * blob for another device, a blob the policy key does not verify, a storage key nobody may unwrap).
 */
public final class DeviceImageBaker {

	/** Version of this tool as recorded in SBOMs. */
	public static final String TOOL_VERSION = "0.1.0";

	private DeviceImageBaker() {
	}

	/** Bakes {@code in} into an image held in memory. */
	public static BakedImage bake(DeviceImageInputs in) throws ImageBakeException {
		String d = in.device();
		try {
			PolicyFacts blob;
			try {
				blob = PolicyFacts.verify(in.policyBlob(), in.policyKey());
			} catch (InvalidPolicyException e) {
				throw new ImageBakeException(d + ": policy blob does not verify with the fleet's policy key: " + e.getMessage(), e);
			}
			if (!blob.fleet().equals(in.fleet()) || !blob.device().equals(d)) {
				throw new ImageBakeException(d + ": policy blob is for " + blob.fleet() + "/" + blob.device());
			}
			byte[] policyId = blob.policyId();

			byte[] runtime = in.runtimeEfi().clone();
			PppKeySection.patch(PeImage.parse(runtime), in.policyKey());
			byte[] efi = AuthenticodeSigner.sign(runtime, in.secureBootKey());

			byte[] envelopes = KeyEnvelopes.write(in.fleet(), d, policyId, wraps(d, blob, in.recipients()), in.storageKeys(),
					in.randomness());

			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String policyHex = HexFormat.of().formatHex(policyId);
			List<CycloneDxSbom.Component> components = List.of(
					new CycloneDxSbom.Component("firmware", "hv-runtime", in.runtimeVersion(), EspPaths.uefi(EspPaths.RUNTIME),
							sha.digest(efi), "Parapet hypervisor runtime, policy key in .pppkey, Authenticode-signed"),
					new CycloneDxSbom.Component("file", "policy.cose", policyHex, EspPaths.uefi(EspPaths.POLICY),
							sha.digest(in.policyBlob()), "signed policy blob (COSE_Sign1), version is the policy id"),
					new CycloneDxSbom.Component("file", "envelopes.cbor", policyHex, EspPaths.uefi(EspPaths.ENVELOPES),
							sha.digest(envelopes), "storage keys wrapped to the authorized cards' 9D keys"));
			byte[] sbom = CycloneDxSbom.write(in.fleet(), d, policyHex, in.sourceDateEpoch(), TOOL_VERSION, components);

			Map<String, byte[]> files = new LinkedHashMap<>();
			files.put(EspPaths.RUNTIME, efi);
			files.put(EspPaths.POLICY, in.policyBlob());
			files.put(EspPaths.ENVELOPES, envelopes);
			files.put(EspPaths.SBOM, sbom);
			List<ImageManifest.Part> parts = new ArrayList<>();
			for (Map.Entry<String, byte[]> f : files.entrySet()) {
				parts.add(new ImageManifest.Part(EspPaths.uefi(f.getKey()), f.getValue().length, sha.digest(f.getValue())));
			}
			ImageManifest manifest = new ImageManifest(in.fleet(), d, policyId, blob.rollbackCounter(), in.runtimeVersion(),
					sha.digest(in.runtimeEfi()), in.sourceDateEpoch(), parts,
					keySource(in),
					blob.storageKeys().isEmpty() ? List.of() : List.of(EspPaths.uefi(EspPaths.ENVELOPES)));
			byte[] canonical = manifest.encode();
			files.put(EspPaths.MANIFEST, CmsManifestSigner.sign(canonical, in.secureBootKey()));
			return new BakedImage(d, EspDisk.build(in.fleet(), d, in.sourceDateEpoch(), files), Map.copyOf(files), canonical);
		} catch (PeFormatException e) {
			throw new ImageBakeException(d + ": hv-runtime EFI binary: " + e.getMessage(), e);
		} catch (GeneralSecurityException e) {
			throw new ImageBakeException(d + ": " + e.getMessage(), e);
		} catch (IllegalArgumentException | java.io.IOException e) {
			throw new ImageBakeException(d + ": " + e.getMessage(), e);
		}
	}

	private static ImageManifest.KeySource keySource(DeviceImageInputs in) {
		if (in.randomness().deterministic()) {
			return ImageManifest.KeySource.DETERMINISTIC_TEST_KEYS;
		}
		return in.storageKeys().persistent() ? ImageManifest.KeySource.KEY_STORE : ImageManifest.KeySource.SECURE_RANDOM;
	}

	private static List<StorageKeyWrap> wraps(String device, PolicyFacts blob, Map<String, KeyRecipients> recipients)
			throws ImageBakeException {
		List<StorageKeyWrap> out = new ArrayList<>();
		Set<String> unused = new TreeSet<>(recipients.keySet());
		for (PolicyFacts.StorageKey k : blob.storageKeys()) {
			KeyRecipients r = recipients.get(k.keyId());
			if (r == null) {
				throw new ImageBakeException(device + ": storage key " + k.keyId() + " has no recipients");
			}
			unused.remove(k.keyId());
			out.add(new StorageKeyWrap(k.slot(), k.keyId(), k.bits(), k.generation(), r.cards(), r.escrow()));
		}
		if (!unused.isEmpty()) {
			throw new ImageBakeException(device + ": recipients given for keys the policy does not use: " + unused);
		}
		return out;
	}
}
