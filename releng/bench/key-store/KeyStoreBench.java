// SPDX-License-Identifier: EPL-2.0
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.StorageKeyStore;
import dev.parapet.image.StorageKeyStoreMasterKey;

/**
 * Storage-key store cost for a first bake of N devices with two storage keys each (every new key
 * rewrites and syncs the whole store before it is used), then a re-bake's open, verify and lookup.
 * Arguments: work folder holding m.p12 (AES key "ks", passphrase bench-pin), N.
 */
public final class KeyStoreBench {

	private KeyStoreBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int n = Integer.parseInt(args[1]);
		Path file = dir.resolve("bench-" + n + ".ppks");
		Files.deleteIfExists(file);
		SecretSource pass = SecretSource.environment("P", Map.of("P", "bench-pin"));
		try (StorageKeyStoreMasterKey m = StorageKeyStoreMasterKey.pkcs12(dir.resolve("m.p12"), "ks", pass)) {
			long t = System.nanoTime();
			try (StorageKeyStore s = StorageKeyStore.open(file, m)) {
				for (int i = 0; i < n; i++) {
					s.key("acme", "dev-" + i, "disk", 1, 512);
					s.key("acme", "dev-" + i, "usb", 0, 256);
				}
			}
			System.out.printf("first bake, %d devices: %d new keys in %.1f s, store %d bytes%n", n, 2 * n, (System.nanoTime() - t) / 1e9,
					Files.size(file));
			t = System.nanoTime();
			try (StorageKeyStore s = StorageKeyStore.open(file, m)) {
				for (int i = 0; i < n; i++) {
					s.key("acme", "dev-" + i, "disk", 1, 512);
					s.key("acme", "dev-" + i, "usb", 0, 256);
				}
			}
			System.out.printf("re-bake, %d devices: open + verify + %d lookups in %.2f s%n", n, 2 * n, (System.nanoTime() - t) / 1e9);
		}
	}
}
