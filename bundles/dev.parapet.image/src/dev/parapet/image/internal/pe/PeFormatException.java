// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.pe;

/** A PE image that cannot be patched or signed safely; the message says why. */
public final class PeFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	/** With a message naming the structure at fault. */
	public PeFormatException(String message) {
		super(message);
	}
}
