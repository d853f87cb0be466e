// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.parapet.image.internal.cbor.Cbor;
import dev.parapet.image.internal.cbor.CborException;
import dev.parapet.image.internal.cbor.CborReader;

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

	/** Where the keys that need randomness came from. */
	public enum KeySource {
		/** The operating system's CSPRNG at bake time. */
		SECURE_RANDOM,
		/** Derived from a public seed by {@code --deterministic-test-keys}: never a production image. */
		DETERMINISTIC_TEST_KEYS
	}

	/** Canonical CBOR (the signed content). */
	public byte[] encode() {
		List<Object> ps = new ArrayList<>();
		parts.stream().sorted(Comparator.comparing(Part::path)).forEach(p -> ps.add(List.of(p.path(), p.size(), p.sha256())));
		Map<Object, Object> keys = Cbor.map();
		keys.put(1, keySource.ordinal());
		keys.put(2, randomParts.stream().sorted().toList());
		Map<Object, Object> m = Cbor.map();
		m.put(1, VERSION);
		m.put(2, fleet);
		m.put(3, device);
		m.put(4, policyId);
		m.put(5, rollbackCounter);
		m.put(6, runtimeVersion);
		m.put(7, runtimeSha256);
		m.put(8, created);
		m.put(9, ps);
		m.put(10, keys);
		return Cbor.encode(m);
	}

	/** Strict inverse of {@link #encode()}. */
	public static ImageManifest decode(byte[] data) throws CborException {
		if (!(CborReader.decode(data) instanceof Map<?, ?> m) || m.size() != 10 || !Long.valueOf(VERSION).equals(m.get(1L))) {
			throw new CborException("manifest is not a version " + VERSION + " map of 10 entries");
		}
		List<Part> parts = new ArrayList<>();
		if (!(m.get(9L) instanceof List<?> ps) || ps.isEmpty()) {
			throw new CborException("manifest key 9 (parts) is not a non-empty array");
		}
		String previous = "";
		for (Object o : ps) {
			if (!(o instanceof List<?> p) || p.size() != 3 || !(p.get(0) instanceof String path) || !(p.get(1) instanceof Long size)
					|| size < 0 || !(p.get(2) instanceof byte[] h) || h.length != 32) {
				throw new CborException("manifest part " + parts.size() + " is malformed");
			}
			if (path.compareTo(previous) <= 0) {
				throw new CborException("manifest parts not sorted or duplicated at " + path);
			}
			previous = path;
			parts.add(new Part(path, size, h));
		}
		if (!(m.get(10L) instanceof Map<?, ?> k) || k.size() != 2 || !(k.get(1L) instanceof Long src) || src < 0 || src > 1
				|| !(k.get(2L) instanceof List<?> rp)) {
			throw new CborException("manifest key 10 (key source) is malformed");
		}
		List<String> random = new ArrayList<>();
		for (Object o : rp) {
			if (!(o instanceof String s)) {
				throw new CborException("manifest key 10 random parts must be paths");
			}
			random.add(s);
		}
		return new ImageManifest(text(m, 2), text(m, 3), bytes(m, 4, 32), uint(m, 5), text(m, 6), bytes(m, 7, 32), uint(m, 8),
				List.copyOf(parts), KeySource.values()[src.intValue()], List.copyOf(random));
	}

	private static String text(Map<?, ?> m, long k) throws CborException {
		if (!(m.get(k) instanceof String s)) {
			throw new CborException("manifest key " + k + " is not a text string");
		}
		return s;
	}

	private static byte[] bytes(Map<?, ?> m, long k, int len) throws CborException {
		if (!(m.get(k) instanceof byte[] b) || b.length != len) {
			throw new CborException("manifest key " + k + " is not " + len + " bytes");
		}
		return b;
	}

	private static long uint(Map<?, ?> m, long k) throws CborException {
		if (!(m.get(k) instanceof Long n) || n < 0) {
			throw new CborException("manifest key " + k + " is not an unsigned integer");
		}
		return n;
	}
}
