// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.util.Comparator;

/**
 * One diagnostic about a policy file, in the terms the command line prints.
 *
 * @param file     the file as shown to the user (relative to the working directory as given)
 * @param line     1-based line
 * @param column   1-based column
 * @param offset   0-based character offset in the file
 * @param length   length of the region in characters
 * @param severity how bad it is
 * @param code     a stable code (PPnnnn, or {@code syntax} / {@code link} for parser and linker
 *                 errors), or null when the diagnostic has none
 * @param message  the message, one line
 */
public record Finding(String file, int line, int column, int offset, int length, Severity severity, String code,
		String message) {

	/** Orders findings by position within one file. */
	public static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::line)
			.thenComparingInt(Finding::column).thenComparing(Finding::severity).thenComparing(Finding::message);
}
