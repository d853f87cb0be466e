// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

/** A device image that cannot be baked or verified; the message names the device and what failed. */
public final class ImageBakeException extends Exception {

	private static final long serialVersionUID = 1L;

	/** With a message naming the device and the failure. */
	public ImageBakeException(String message) {
		super(message);
	}

	/** With a cause whose message is already safe to show (never key material). */
	public ImageBakeException(String message, Throwable cause) {
		super(message, cause);
	}
}
