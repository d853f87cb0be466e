// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.cli.internal.PolicyInjectors;
import dev.parapet.cli.internal.PolicySources;
import dev.parapet.cli.internal.SourceFile;
import dev.parapet.policy.fleet.FleetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet check PATH...}: validates policy files as one fleet. */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Validates policy files as one fleet.",
				"Syntax, references and every rule of the language (docs/language.md).",
				"A folder stands for all *.parapet files below it;",
				"the files they import are checked too." },
		footer = { "", "Output: one line per finding on stdout,",
				"  FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE",
				"with SEVERITY error, warning or info and CODE a PPnnnn code of docs/language.md",
				"(FILE: ... for a finding about a whole file or fleet folder); a summary on stderr.",
				"",
				"--json writes one object instead (schema parapet-check/1):",
				"  {\"format\": \"parapet-check/1\", \"files\": [FILE...],",
				"   \"errors\": N, \"warnings\": N, \"infos\": N,",
				"   \"diagnostics\": [{\"file\": FILE, \"line\": N, \"column\": N,",
				"                    \"severity\": \"error\"|\"warning\"|\"info\", \"code\": CODE,",
				"                    \"message\": TEXT}]}",
				"Lines and columns are 1-based (0: the whole file or folder).",
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
		Map<Path, String> arguments = new LinkedHashMap<>();
		for (String path : paths) {
			arguments.putIfAbsent(context.workingDirectory().resolve(path).toAbsolutePath().normalize(), path);
		}
		PolicyChecker checker = new FleetLoaderChecker(PolicyInjectors.runtime().getInstance(FleetLoader.class),
				context.workingDirectory());
		PolicyChecker.Checked checked = checker.check(arguments, files);
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
