// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.SourceFile;

/** Loads policy files as one fleet and validates them (the seam between the command line and the language). */
public interface PolicyChecker {

	/**
	 * The outcome of a check.
	 *
	 * @param files    every checked file as shown: the named ones, then the ones they import
	 * @param findings the findings, grouped by file in that order, by position within a file
	 */
	record Checked(List<String> files, List<Finding> findings) {
	}

	/**
	 * @param arguments the files and folders named on the command line (absolute), each with the
	 *                  name the user wrote
	 * @param files     the policy files they stand for; files these import are loaded too
	 * @return the checked files and their findings
	 * @throws CliException when a file cannot be read
	 */
	Checked check(Map<Path, String> arguments, List<SourceFile> files) throws CliException;
}
