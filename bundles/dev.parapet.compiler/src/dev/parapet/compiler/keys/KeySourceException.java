// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

/** A signing key that cannot be opened. Messages name files, aliases and URIs, never secrets. */
public final class KeySourceException extends Exception {

	private static final long serialVersionUID = 1L;

	public KeySourceException(String message) {
		super(message);
	}

	public KeySourceException(String message, Throwable cause) {
		super(message, cause);
	}
}
