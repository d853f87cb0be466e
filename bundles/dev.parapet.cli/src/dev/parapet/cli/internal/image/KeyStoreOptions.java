// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.parapet.cli.internal.CliException;
import dev.parapet.image.StorageKeyStore;
import dev.parapet.image.StorageKeyStoreMasterKey;
import picocli.CommandLine.Option;

/**
 * The storage-key store of a bake: {@code --key-store FILE} sealed under
 * {@code --key-store-key pkcs12:FILE#ALIAS | pkcs11:URI}, whose passphrase or PIN comes from
 * {@code --key-store-pin-env VAR}, {@code --key-store-pin-file FILE} or a prompt (never argv).
 */
final class KeyStoreOptions {

	@Option(names = "--key-store", paramLabel = "FILE",
			description = "keep storage keys in FILE so re-baking a device keeps its disks' keys; without it they are ephemeral")
	Path store;

	@Option(names = "--create-key-store", description = "create --key-store FILE if it does not exist (a fleet's first bake with a store)")
	boolean create;

	@Option(names = "--key-store-key", paramLabel = "REF",
			description = "the store's AES-256 master key: pkcs12:FILE#ALIAS or a pkcs11: URI (token=...;object=...)")
	String masterKey;

	@Option(names = "--key-store-pin-env", paramLabel = "VAR", description = "environment variable holding the master key's passphrase or PIN")
	String pinEnv;

	@Option(names = "--key-store-pin-file", paramLabel = "FILE", description = "file holding the master key's passphrase or PIN")
	Path pinFile;

	/** The master key and the opened store; both closed by {@link #close()}. */
	record Opened(StorageKeyStoreMasterKey masterKey, StorageKeyStore store) implements AutoCloseable {
		@Override
		public void close() throws IOException {
			try {
				store.close();
			} finally {
				masterKey.close();
			}
		}
	}

	/** Opens and verifies the store, or nothing if no {@code --key-store} was given. */
	Optional<Opened> open(Path workingDirectory, Path pkcs11Module) throws CliException, IOException {
		if (store == null) {
			if (masterKey != null || pinEnv != null || pinFile != null || create) {
				throw new CliException("--key-store-key, --key-store-pin-* and --create-key-store need --key-store FILE");
			}
			return Optional.empty();
		}
		if (masterKey == null) {
			throw new CliException("--key-store needs --key-store-key pkcs12:FILE#ALIAS or pkcs11:URI");
		}
		Path file = workingDirectory.resolve(store);
		if (!create && !Files.exists(file)) {
			throw new CliException("key store " + file + " does not exist; give --create-key-store for the fleet's first bake with a store"
					+ " (a mistyped path must not give every disk a new key)");
		}
		StorageKeyStoreMasterKey key = StorageKeyStoreMasterKey.open(masterKey, workingDirectory,
				KeyOptions.secret(pinEnv, pinFile, workingDirectory, "key-store master key passphrase or PIN"), pkcs11Module);
		boolean ok = false;
		try {
			Opened o = new Opened(key, StorageKeyStore.openOrCreate(file, key));
			ok = true;
			return Optional.of(o);
		} finally {
			if (!ok) {
				key.close();
			}
		}
	}
}
