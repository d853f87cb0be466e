// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import dev.parapet.cli.internal.Cli;
import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.Terminal;

/**
 * Entry point of the {@code parapet} command line. The product's launcher script runs this class
 * on a flat class path (no OSGi), so the Xtext languages are set up through their standalone
 * setups.
 *
 * <p>Exit codes: 0 success, 1 findings (validation errors, files that need formatting), 2 usage or
 * input/output errors.
 */
public final class Main {

	private Main() {
	}

	/**
	 * Runs the command line and terminates the JVM with its exit code.
	 *
	 * @param args the verb and its arguments
	 */
	public static void main(String[] args) {
		Cli.prepareLogging();
		PrintStream stdout = System.out;
		CliContext context = new CliContext(System.in, stdout, System.err, Path.of("").toAbsolutePath(),
				Terminal.coloursFor(stdout));
		System.exit(new Cli(context).run(args));
	}

	/**
	 * Runs the command line without terminating the JVM (for tests and embedding). Standard input is
	 * empty; paths are resolved against the current directory; output is never coloured.
	 *
	 * @param args the verb and its arguments
	 * @param out  receives the results
	 * @param err  receives diagnostics about the run itself, summaries and usage errors
	 * @return the exit code: 0 ok, 1 findings, 2 usage or input/output error
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, InputStream.nullInputStream(), out, err);
	}

	/**
	 * Runs the command line without terminating the JVM, with the given standard input (used by
	 * {@code parapet lsp}).
	 *
	 * @param args the verb and its arguments
	 * @param in   the standard input
	 * @param out  receives the results
	 * @param err  receives diagnostics about the run itself, summaries and usage errors
	 * @return the exit code: 0 ok, 1 findings, 2 usage or input/output error
	 */
	public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		Cli.prepareLogging();
		return new Cli(new CliContext(in, out, err, Path.of("").toAbsolutePath(), false)).run(args);
	}
}
