// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Writes the findings of a check to standard output in one format. */
public interface FindingsReport {

	/**
	 * @param files    the checked files as shown
	 * @param findings the findings, in print order
	 * @param out      standard output
	 * @throws IOException when writing fails
	 */
	void write(List<String> files, List<Finding> findings, PrintStream out) throws IOException;
}
