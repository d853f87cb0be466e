// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.util.List;

import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.SourceFile;

/** Loads policy files as one fleet and validates them. */
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
	 * @param files the files named on the command line; files they import are loaded too
	 * @return the checked files and their findings
	 * @throws CliException when a file cannot be read
	 */
	Checked check(List<SourceFile> files) throws CliException;
}
