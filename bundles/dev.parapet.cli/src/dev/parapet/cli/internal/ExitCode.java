// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

/** The exit codes shared by every verb of the command line. */
public final class ExitCode {

	/** The command did what was asked and found nothing to report. */
	public static final int OK = 0;

	/** The input has findings: validation errors, files that are not formatted. */
	public static final int FINDINGS = 1;

	/** The command line was wrong, or a file could not be read or written. */
	public static final int USAGE_OR_IO = 2;

	private ExitCode() {
	}
}
