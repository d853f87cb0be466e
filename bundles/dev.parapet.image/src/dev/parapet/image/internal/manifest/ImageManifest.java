// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.parapet.compiler.cbor.Cbor;
import dev.parapet.compiler.cbor.CborDecoder;
import dev.parapet.compiler.cbor.CborEncoder;
import dev.parapet.compiler.cbor.CborFormatException;
import dev.parapet.compiler.cbor.CborItem;
import dev.parapet.image.internal.policy.CborFields;

/**
 * The image manifest (docs/formats.md section 3): one signed list over every other file of the
 * ESP, in the spirit of Android's vbmeta, with the device, policy and runtime it was baked for.
 *
 * @param fleet           fleet id
 * @param device          device id
 * @param policyId        policy id of the policy blob
 * @param rollbackCounter rollback counter of the policy blob
 * @param runtimeVersion  hv-runtime version
 * @param runtimeSha256   SHA-256 of hv-runtime's EFI binary as built (before key patching and signing)
 * @param created         SOURCE_DATE_EPOCH of the bake
 * @param parts           every other file on the ESP, sorted by path
 * @param keySource       where storage and ephemeral keys came from
 * @param randomParts     paths of parts whose bytes include fresh random keys
 */
public record ImageManifest(String fleet, String device, byte[] policyId, long rollbackCounter, String runtimeVersion,
		byte[] runtimeSha256, long created, List<Part> parts, KeySource keySource, List<String> randomParts) {

	/** Manifest format version. */
	public static final int VERSION = 1;

	/** A file on the ESP: its path as UEFI writes it ({@code \EFI\BOOT\BOOTX64.EFI}), size and SHA-256. */
	public record Part(String path, long size, byte[] sha256) {
		/** The digest in lower-case hex. */
		public String hex() {
			return HexFormat.of().formatHex(sha256);
		}
	}

	/** Where the keys that need randomness came from (the ordinal is the encoded value). */
	public enum KeySource {
		/** Storage and ephemeral keys from the CSPRNG at bake time, storage keys kept nowhere. */
		SECURE_RANDOM,
		/** Derived from a public seed by {@code --deterministic-test-keys}: never a production image. */
		DETERMINISTIC_TEST_KEYS,
		/** Storage keys from a storage-key store (kept across bakes), ephemeral keys from the CSPRNG. */
		KEY_STORE
	}

	/** Canonical CBOR (the signed content). */
	public byte[] encode() {
		List<CborItem> ps = new ArrayList<>();
		parts.stream().sorted(Comparator.comparing(Part::path))
				.forEach(p -> ps.add(Cbor.array(Cbor.text(p.path()), Cbor.uint(p.size()), Cbor.bytes(p.sha256()))));
		List<CborItem> random = randomParts.stream().sorted().map(Cbor::text).toList();
		return CborEncoder.encode(Cbor.map().put(1, Cbor.uint(VERSION)).put(2, Cbor.text(fleet)).put(3, Cbor.text(device))
				.put(4, Cbor.bytes(policyId)).put(5, Cbor.uint(rollbackCounter)).put(6, Cbor.text(runtimeVersion))
				.put(7, Cbor.bytes(runtimeSha256)).put(8, Cbor.uint(created)).put(9, Cbor.array(ps))
				.put(10, Cbor.map().put(1, Cbor.uint(keySource.ordinal())).put(2, Cbor.array(random)).build()).build());
	}

	/** Strict inverse of {@link #encode()}. */
	public static ImageManifest decode(byte[] data) throws CborFormatException {
		CborFields m = CborFields.of(CborDecoder.decode(data), "manifest").only(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
		if (m.uint(1) != VERSION) {
			throw new CborFormatException("manifest version " + m.uint(1) + " is not " + VERSION, 0);
		}
		List<Part> parts = new ArrayList<>();
		String previous = "";
		for (CborItem o : m.array(9)) {
			if (!(o instanceof CborItem.Array a) || a.items().size() != 3 || !(a.items().get(0) instanceof CborItem.TextString path)
					|| !(a.items().get(1) instanceof CborItem.UnsignedInt size) || size.value() < 0
					|| !(a.items().get(2) instanceof CborItem.ByteString h) || h.bytes().length != 32) {
				throw new CborFormatException("manifest part " + parts.size() + " is malformed", 0);
			}
			if (path.value().compareTo(previous) <= 0) {
				throw new CborFormatException("manifest parts not sorted or duplicated at " + path.value(), 0);
			}
			previous = path.value();
			parts.add(new Part(path.value(), size.value(), h.bytes()));
		}
		if (parts.isEmpty()) {
			throw new CborFormatException("manifest lists no parts", 0);
		}
		CborFields k = m.map(10).only(Set.of(1L, 2L));
		long src = k.uint(1);
		if (src >= KeySource.values().length) {
			throw new CborFormatException("manifest key source " + src + " is unknown", 0);
		}
		List<String> random = new ArrayList<>();
		for (CborItem o : k.array(2)) {
			if (!(o instanceof CborItem.TextString t)) {
				throw new CborFormatException("manifest random parts must be paths", 0);
			}
			random.add(t.value());
		}
		return new ImageManifest(m.text(2), m.text(3), m.bytes(4, 32), m.uint(5), m.text(6), m.bytes(7, 32), m.uint(8),
				List.copyOf(parts), KeySource.values()[(int) src], List.copyOf(random));
	}
}
