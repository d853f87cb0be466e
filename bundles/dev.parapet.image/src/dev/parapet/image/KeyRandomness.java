// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the only random bytes of a bake come from: generated storage keys and ephemeral ECDH keys.
 * Production bakes use {@link #secure()}; {@link #deterministicForTests(String)} derives the bytes
 * from a seed and a label so tests can compare two bakes bit for bit. The image manifest records
 * which one was used.
 */
public interface KeyRandomness {

	/** {@code length} bytes for the purpose named by {@code label}. */
	byte[] bytes(String label, int length);

	/** Whether the bytes are derived from a public seed (never for production images). */
	boolean deterministic();

	/** The operating system's strong random generator. */
	static KeyRandomness secure() {
		SecureRandom random = new SecureRandom();
		return new KeyRandomness() {
			@Override
			public byte[] bytes(String label, int length) {
				byte[] b = new byte[length];
				random.nextBytes(b);
				return b;
			}

			@Override
			public boolean deterministic() {
				return false;
			}
		};
	}

	/**
	 * HKDF-Expand (RFC 5869) with HMAC-SHA-256 keyed by SHA-256 of {@code seed}, info = label: the
	 * same seed and label always give the same bytes. For tests only ({@code --deterministic-test-keys}).
	 */
	static KeyRandomness deterministicForTests(String seed) {
		return new KeyRandomness() {
			@Override
			public byte[] bytes(String label, int length) {
				try {
					byte[] prk = java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
					Mac mac = Mac.getInstance("HmacSHA256");
					mac.init(new SecretKeySpec(prk, "HmacSHA256"));
					byte[] out = new byte[length];
					byte[] t = new byte[0];
					int done = 0;
					for (int i = 1; done < length; i++) {
						mac.update(t);
						mac.update(label.getBytes(StandardCharsets.UTF_8));
						mac.update((byte) i);
						t = mac.doFinal();
						int k = Math.min(t.length, length - done);
						System.arraycopy(t, 0, out, done, k);
						done += k;
					}
					return out;
				} catch (java.security.GeneralSecurityException e) {
					throw new IllegalStateException(e);
				}
			}

			@Override
			public boolean deterministic() {
				return true;
			}
		};
	}
}
