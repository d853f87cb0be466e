// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.cli.internal.PolicyInjectors;
import dev.parapet.cli.internal.PolicySources;
import dev.parapet.cli.internal.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet check PATH...}: validates policy files as one fleet. */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Validates policy files as one fleet.",
				"Syntax, references and every rule of the language (docs/language.md).",
				"A folder stands for all *.parapet files below it; files they import are checked too." },
		footer = { "", "Output: one line per finding on stdout,",
				"  FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE",
				"with SEVERITY error, warning or info and CODE a PPnnnn code of docs/language.md,",
				"'syntax' (parser) or 'link' (unresolved reference); a summary on stderr.",
				"",
				"--json writes one object instead (schema parapet-check/1):",
				"  {\"format\": \"parapet-check/1\", \"files\": [FILE...],",
				"   \"errors\": N, \"warnings\": N, \"infos\": N,",
				"   \"diagnostics\": [{\"file\": FILE, \"line\": N, \"column\": N, \"offset\": N, \"length\": N,",
				"                    \"severity\": \"error\"|\"warning\"|\"info\", \"code\": CODE|null,",
				"                    \"message\": TEXT}]}",
				"Lines and columns are 1-based, offsets 0-based, in characters.",
				"",
				"Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O error." })
public final class CheckCommand implements Callable<Integer> {

	private final CliContext context;

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or folders of them")
	private List<String> paths;

	@Option(names = "--json", description = "write the findings as JSON (schema below)")
	private boolean json;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	/**
	 * @param context the streams and working directory of this run
	 */
	public CheckCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException, IOException {
		List<SourceFile> files = PolicySources.expand(context.workingDirectory(), paths);
		PolicyChecker checker = new XtextPolicyChecker(PolicyInjectors.runtime(), context.workingDirectory());
		PolicyChecker.Checked checked = checker.check(files);
		List<Finding> findings = checked.findings();
		FindingsReport report = json ? new JsonReport() : new TextReport(context.colour());
		report.write(checked.files(), findings, context.out());
		long errors = Severity.ERROR.countIn(findings);
		context.err().println("parapet check: " + summary(checked.files().size(), findings, errors));
		return errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
	}

	private static String summary(int files, List<Finding> findings, long errors) {
		String checked = files == 1 ? "1 file" : files + " files";
		if (findings.isEmpty()) {
			return checked + ", no problems";
		}
		long warnings = Severity.WARNING.countIn(findings);
		long infos = Severity.INFO.countIn(findings);
		StringBuilder summary = new StringBuilder(checked).append(", ").append(plural(errors, "error"));
		if (warnings > 0) {
			summary.append(", ").append(plural(warnings, "warning"));
		}
		if (infos > 0) {
			summary.append(", ").append(plural(infos, "info"));
		}
		return summary.toString();
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}
}
