// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cose;

/** A blob that fails verification; the message is the reason {@code parapet verify-policy} prints. */
public final class InvalidPolicyException extends Exception {

	private static final long serialVersionUID = 1L;

	public InvalidPolicyException(String reason) {
		super(reason);
	}

	public InvalidPolicyException(String reason, Throwable cause) {
		super(reason, cause);
	}
}
