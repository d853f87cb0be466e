// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import dev.parapet.compiler.model.SourceLink;

/**
 * A device policy that cannot be compiled: the message names the element, the field and why; the
 * link points at the line. Never carries secrets.
 */
public final class CompileException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient SourceLink source;

	public CompileException(SourceLink source, String message) {
		super(message);
		this.source = source;
	}

	public CompileException(SourceLink source, String message, Throwable cause) {
		super(message, cause);
		this.source = source;
	}

	public SourceLink source() {
		return source;
	}

	/** {@code file:line: message}, the form the CLI prints. */
	@Override
	public String toString() {
		return source + ": " + getMessage();
	}
}
