// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

/**
 * A usage or input/output problem that ends a command with exit code 2. The message is shown to the
 * user as is, so it names the file or argument at fault.
 */
public final class CliException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what went wrong, naming the file or argument
	 */
	public CliException(String message) {
		super(message);
	}

	/**
	 * @param message what went wrong, naming the file or argument
	 * @param cause   the underlying failure
	 */
	public CliException(String message, Throwable cause) {
		super(message, cause);
	}
}
