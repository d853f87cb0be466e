// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.util.Comparator;

/**
 * One diagnostic about a policy file, in the terms the command line prints.
 *
 * @param file     the file as shown to the user (relative to the working directory as given)
 * @param line     1-based line, 0 for a finding about a whole file or folder
 * @param column   1-based column, 0 when unknown
 * @param severity how bad it is
 * @param code     the stable PPnnnn code of docs/language.md
 * @param message  the message, one line
 */
public record Finding(String file, int line, int column, Severity severity, String code, String message) {

	/** Orders findings by position within one file. */
	public static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::line)
			.thenComparingInt(Finding::column).thenComparing(Finding::severity).thenComparing(Finding::message);
}
