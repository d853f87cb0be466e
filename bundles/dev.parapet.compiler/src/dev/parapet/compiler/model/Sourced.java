// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.model;

import java.util.Objects;

/** A single effective value and the line that wrote it. */
public record Sourced<T>(T value, SourceLink source) {

	public Sourced {
		Objects.requireNonNull(value);
		Objects.requireNonNull(source);
	}
}
