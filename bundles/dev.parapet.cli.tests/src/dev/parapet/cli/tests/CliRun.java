// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.parapet.cli.internal.Cli;
import dev.parapet.cli.internal.CliContext;

/**
 * Runs the command line in-process, as the launcher would in {@code directory}, and captures its
 * output and exit code.
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliRun(int exit, String out, String err) {

	static CliRun in(Path directory, String... args) {
		Cli.prepareLogging();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			int exit = new Cli(new CliContext(InputStream.nullInputStream(), outStream, errStream, directory, false))
					.run(args);
			return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
	}

	/** @return the run as one text for golden files: stdout, stderr and the exit code */
	String transcript() {
		return out + "--- stderr\n" + err + "--- exit " + exit + "\n";
	}
}
