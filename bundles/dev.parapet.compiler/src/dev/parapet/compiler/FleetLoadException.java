// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.util.List;

/** A fleet whose files have errors; each problem reads {@code file:line: message}. */
public final class FleetLoadException extends Exception {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public FleetLoadException(List<String> problems) {
		super(String.join(System.lineSeparator(), problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
