// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.format;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.cli.internal.PolicyInjectors;
import dev.parapet.cli.internal.PolicySources;
import dev.parapet.cli.internal.SourceFile;
import dev.parapet.cli.internal.check.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet fmt [--check] PATH...}: formats policy files in place. */
@Command(name = "fmt", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Formats policy files in place with the language's formatter.",
				"A folder stands for all *.parapet files below it. Each file is",
				"replaced atomically. Files with syntax errors are never formatted:",
				"their errors are listed instead." },
		footer = { "", "Output: the files that were (with --check: would be) reformatted,",
				"one per line on stdout; syntax errors as",
				"FILE:LINE:COLUMN: error PP1010: MESSAGE and a summary on stderr.",
				"",
				"Exit codes: 0 nothing (left) to format, 1 files to format (--check)",
				"or syntax errors, 2 usage or I/O error." })
public final class FormatCommand implements Callable<Integer> {

	private final CliContext context;

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or folders of them")
	private List<String> paths;

	@Option(names = "--check", description = "write nothing; list the files that would change and exit 1 if any")
	private boolean check;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	/**
	 * @param context the streams and working directory of this run
	 */
	public FormatCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException {
		List<SourceFile> files = PolicySources.expand(context.workingDirectory(), paths);
		SourceFormatter formatter = new SourceFormatter(PolicyInjectors.runtime());
		TextReport errors = new TextReport(false);
		int changed = 0;
		int broken = 0;
		for (SourceFile file : files) {
			SourceFormatter.Result result = formatter.format(file);
			if (!result.syntaxErrors().isEmpty()) {
				broken++;
				errors.write(List.of(file.shown()), result.syntaxErrors(), context.err());
			} else if (result.changes()) {
				changed++;
				if (!check) {
					write(file, result.formatted());
				}
				context.out().println(file.shown());
			}
		}
		context.out().flush();
		context.err().println("parapet fmt: " + summary(files.size(), changed, broken));
		return broken > 0 || (check && changed > 0) ? ExitCode.FINDINGS : ExitCode.OK;
	}

	private static void write(SourceFile file, String text) throws CliException {
		try {
			AtomicFiles.replace(file.path(), text);
		} catch (IOException e) {
			throw new CliException(file.shown() + ": cannot write: " + e.getMessage(), e);
		}
	}

	private String summary(int files, int changed, int broken) {
		StringBuilder summary = new StringBuilder(files == 1 ? "1 file" : files + " files");
		summary.append(", ").append(changed).append(check ? " would be reformatted" : " reformatted");
		if (broken > 0) {
			summary.append(", ").append(broken).append(" not formatted because of syntax errors");
		}
		return summary.toString();
	}
}
