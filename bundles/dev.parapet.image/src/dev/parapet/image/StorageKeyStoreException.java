// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;

/**
 * A storage-key store that must not be used: damaged, altered, truncated, sealed under another
 * master key, or asked for a key it holds with another size. The message names the store and the
 * entry; it never holds key material.
 */
public final class StorageKeyStoreException extends IOException {

	private static final long serialVersionUID = 1L;

	/** @param message what is wrong, naming the store file and entry */
	public StorageKeyStoreException(String message) {
		super(message);
	}

	/** @param message what is wrong; {@code cause} the failed check */
	public StorageKeyStoreException(String message, Throwable cause) {
		super(message, cause);
	}
}
