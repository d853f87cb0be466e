// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;

/**
 * Where the XTS storage keys of a bake come from. A {@link StorageKeyStore} keeps every key it
 * hands out, so re-baking a device gives its disks the same keys; {@link #ephemeral(KeyRandomness)}
 * draws them fresh on every bake (the disks cannot be re-baked without losing their data, and the
 * manifest says so). The caller wipes every returned array.
 */
public interface StorageKeys {

	/**
	 * The storage key of {@code keyId} at rotation {@code generation} for a device of a fleet.
	 *
	 * @param bits XTS key size in bits (256 or 512)
	 * @throws IOException if a kept key cannot be read or a new one cannot be kept
	 */
	byte[] key(String fleet, String device, String keyId, long generation, int bits) throws IOException;

	/** Whether the same arguments give the same key in a later bake. */
	boolean persistent();

	/** Keys drawn from {@code randomness} at each bake and kept nowhere. */
	static StorageKeys ephemeral(KeyRandomness randomness) {
		return new StorageKeys() {
			@Override
			public byte[] key(String fleet, String device, String keyId, long generation, int bits) {
				return randomness.bytes("storage-key/" + fleet + "/" + device + "/" + keyId + "/" + generation, bits / 8);
			}

			@Override
			public boolean persistent() {
				return false;
			}
		};
	}
}
