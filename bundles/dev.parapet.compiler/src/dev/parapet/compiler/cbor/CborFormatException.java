// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cbor;

/** Input that is not CBOR in core deterministic encoding within the reader's limits. */
public final class CborFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	private final long offset;

	public CborFormatException(String reason, long offset) {
		super(reason + " at byte " + offset);
		this.offset = offset;
	}

	/** Byte offset in the input where decoding stopped. */
	public long offset() {
		return offset;
	}
}
