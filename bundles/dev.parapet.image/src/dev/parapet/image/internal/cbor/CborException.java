// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.cbor;

/** CBOR input that is malformed or not deterministically encoded. */
public final class CborException extends Exception {

	private static final long serialVersionUID = 1L;

	/** With a message naming the problem and offset. */
	public CborException(String message) {
		super(message);
	}
}
