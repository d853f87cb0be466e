// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Raw storage keys for the export, one file per key id: {@code KEY-ID.key} holding 32 bytes (xts-128)
 * or 64 bytes (xts-256). Stock BitVisor keeps keys inside its configuration, so the export needs the
 * material that Parapet's runtime would otherwise unwrap from cards.
 */
public final class KeyDirectory {

	private final Path directory;

	public KeyDirectory(Path directory) {
		this.directory = directory;
	}

	/**
	 * The 32-byte half of a key for one BitVisor slot.
	 *
	 * @param bits 256 or 512 (the XTS key size)
	 */
	public byte[] half(String keyId, int bits, int half) throws IOException {
		Path file = directory.resolve(keyId + ".key");
		byte[] key = Files.readAllBytes(file);
		try {
			if (key.length != bits / 8) {
				throw new IOException(file + " holds " + key.length + " bytes; key " + keyId + " needs " + bits / 8);
			}
			return Arrays.copyOfRange(key, half * 32, half * 32 + 32);
		} finally {
			Arrays.fill(key, (byte) 0);
		}
	}
}
