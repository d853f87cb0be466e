// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.fleet;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One finding about a fleet: where it is, how bad, its stable code (docs/language.md) and message.
 *
 * @param file     the policy file, or the fleet folder for findings about the folder as a whole
 * @param line     1-based line, 0 when the finding concerns the whole file or folder
 * @param column   1-based column, 0 when unknown
 * @param severity error or warning
 * @param code     stable code such as {@code PP2002}
 * @param message  human-readable message naming the element
 */
public record PolicyDiagnostic(Path file, int line, int column, Severity severity, String code, String message)
		implements Comparable<PolicyDiagnostic> {

	/** Severity of a finding; errors make a fleet invalid. */
	public enum Severity {
		ERROR, WARNING, INFO;

		/** Lower-case name as the CLI prints it. */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private static final Comparator<PolicyDiagnostic> ORDER = Comparator
			.comparing((PolicyDiagnostic d) -> d.file().toString())
			.thenComparingInt(PolicyDiagnostic::line)
			.thenComparingInt(PolicyDiagnostic::column)
			.thenComparing(PolicyDiagnostic::code)
			.thenComparing(PolicyDiagnostic::message);

	@Override
	public int compareTo(PolicyDiagnostic other) {
		return ORDER.compare(this, other);
	}

	/** GNU style: {@code file:line:column: severity: message [code]}. */
	@Override
	public String toString() {
		return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message + " [" + code + "]";
	}
}
