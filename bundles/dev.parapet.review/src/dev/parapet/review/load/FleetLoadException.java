// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.load;

/** A version could not be loaded: unreadable, unknown revision, or policy files with syntax or link errors. */
public final class FleetLoadException extends Exception {

	private static final long serialVersionUID = 1L;

	public FleetLoadException(String message) {
		super(message);
	}

	public FleetLoadException(String message, Throwable cause) {
		super(message, cause);
	}
}
