// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.io.IOException;

/** A disk image that is not what Parapet writes; the message says what is wrong. */
public final class ImageFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	/** With a message naming the structure and the problem. */
	public ImageFormatException(String message) {
		super(message);
	}
}
