// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.load;

/** A version could not be loaded: unreadable, unknown revision, or policy files with syntax or link errors. */
public final class FleetLoadException extends Exception {

	private static final long serialVersionUID = 1L;

	private final boolean invalidPolicy;

	/** An input/output problem: missing path, unknown revision, unreadable repository. */
	public FleetLoadException(String message) {
		this(message, false);
	}

	/**
	 * @param invalidPolicy true when the files were read but do not parse or link (exit code 1, not 2)
	 */
	public FleetLoadException(String message, boolean invalidPolicy) {
		super(message);
		this.invalidPolicy = invalidPolicy;
	}

	public FleetLoadException(String message, Throwable cause) {
		super(message, cause);
		this.invalidPolicy = false;
	}

	/** Whether the version was read but its policy files have syntax or link errors. */
	public boolean invalidPolicy() {
		return invalidPolicy;
	}
}
