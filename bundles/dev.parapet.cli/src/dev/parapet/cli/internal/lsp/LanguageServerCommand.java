// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.lsp;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.PolicyInjectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parapet lsp}: the policy language server on standard input and output. */
@Command(name = "lsp", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Runs the policy language server on stdin/stdout.",
				"Language Server Protocol (JSON-RPC) for VS Code and other LSP editors:",
				"diagnostics with PP codes, completion, hover, outline, go to definition,",
				"references, rename, formatting.",
				"The workspace folder the editor opens is loaded as one fleet." },
		footer = { "", "Nothing but protocol messages is written to stdout; logs go to stderr.",
				"Exit codes: 0 after shutdown and exit, 1 when the client exits or",
				"disconnects without shutdown, 2 usage or I/O error." })
public final class LanguageServerCommand implements Callable<Integer> {

	private final CliContext context;

	@Option(names = "--trace", paramLabel = "FILE", description = "append every protocol message to FILE")
	private Path trace;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	/**
	 * @param context the streams of this run; stdin and stdout carry the protocol
	 */
	public LanguageServerCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException, InterruptedException {
		PrintStream protocol = context.out();
		PrintStream stdout = System.out;
		// a stray print by any library would corrupt the protocol stream
		boolean guard = protocol == stdout;
		if (guard) {
			System.setOut(System.err);
		}
		try (PrintWriter traceWriter = openTrace()) {
			return new PolicyLanguageServer(PolicyInjectors.ide()).serve(context.in(), protocol, traceWriter);
		} finally {
			if (guard) {
				System.setOut(stdout);
			}
		}
	}

	private PrintWriter openTrace() throws CliException {
		if (trace == null) {
			return null;
		}
		Path file = context.workingDirectory().resolve(trace);
		try {
			return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
		} catch (IOException e) {
			throw new CliException(trace + ": cannot open the trace file: " + e.getMessage(), e);
		}
	}
}
