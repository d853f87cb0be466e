// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

/** A BitVisor commit whose configuration layout Parapet does not know. */
public final class UnknownCommitException extends Exception {

	private static final long serialVersionUID = 1L;

	public UnknownCommitException(String message) {
		super(message);
	}
}
