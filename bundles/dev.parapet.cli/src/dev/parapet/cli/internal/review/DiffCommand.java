// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.FleetDiffer;
import dev.parapet.review.FleetVersion;
import dev.parapet.review.Verdict;
import dev.parapet.review.internal.EffectiveText;
import dev.parapet.review.load.FleetLoadException;
import dev.parapet.review.load.FleetVersions;
import dev.parapet.review.load.GitVersions;
import dev.parapet.review.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parapet diff OLD [NEW] [-- PATH...]}: the semantic diff of two versions of a fleet. */
@Command(name = "diff", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Compares the effective policy of every device in two versions of a fleet.",
				"OLD and NEW are folders, files or git revisions (HEAD~1, a branch, a commit id).",
				"NEW defaults to the work tree; PATH limits both sides to a part of the repository.",
				"Each change is tagged WIDENS, NARROWS or NEUTRAL by the rules of docs/review.md." },
		footer = { "", "Examples:", "  parapet diff fleet-v1 fleet-v2", "  parapet diff HEAD~1 HEAD -- examples/acme-fleet",
				"  parapet diff origin/main -- fleet --format sarif > review.sarif",
				"  parapet diff --fail-on widens origin/main HEAD -- fleet   (CI gate)", "",
				"Exit codes: 0 compared (changes or not), 1 a version has invalid policy files,",
				"2 usage or I/O error (unknown revision, missing path), 3 --fail-on matched." })
public final class DiffCommand implements Callable<Integer> {

	/** The exit code of the CI gate. */
	public static final int GATE = 3;

	private final CliContext context;

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "OLD [NEW] [-- PATH...]", description = "versions, then paths after --")
	private List<String> arguments;

	@Option(names = { "-f", "--format" }, paramLabel = "FORMAT", defaultValue = "text",
			description = "text, markdown, html, sarif or json (default: ${DEFAULT-VALUE})")
	private ReportFormat format;

	@Option(names = "--json", description = "same as --format json")
	private boolean json;

	@Option(names = "--fail-on", paramLabel = "VERDICT",
			description = "exit 3 when a change is this severe or worse: widens, narrows or neutral")
	private Verdict failOn;

	@Option(names = { "-C", "--repository" }, paramLabel = "DIR",
			description = "find git revisions in the repository holding DIR (default: the working directory)")
	private Path repository;

	@Option(names = "--textconv", description = "print the effective policies of one version as lines "
			+ "(git's diff.parapet.textconv, set by parapet git-setup)")
	private boolean textconv;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	public DiffCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException {
		List<String> original = spec.commandLine().getParseResult().originalArgs();
		int separator = original.indexOf("--");
		int pathCount = separator < 0 ? 0 : original.size() - separator - 1;
		List<String> versions = arguments.subList(0, arguments.size() - pathCount);
		List<String> paths = arguments.subList(arguments.size() - pathCount, arguments.size());
		if (versions.isEmpty() || versions.size() > 2) {
			throw new CliException("expected OLD [NEW] before --, got " + versions.size() + " argument(s)");
		}
		if (paths.size() > 1) {
			throw new CliException("one PATH after -- is supported, got " + paths.size());
		}
		if (textconv) {
			return textconv(versions);
		}
		Path repo = repository == null ? context.workingDirectory() : context.workingDirectory().resolve(repository);
		Optional<String> path = paths.stream().findFirst();
		FleetDiff diff;
		try {
			// the two versions parse and link independently: one thread each
			java.util.concurrent.Future<FleetVersion> before = java.util.concurrent.ForkJoinPool.commonPool()
					.submit(() -> version(versions.get(0), repo, path));
			FleetVersion after = versions.size() == 2 ? version(versions.get(1), repo, path) : workTree(repo, path);
			diff = FleetDiffer.diff(joined(before), after);
		} catch (FleetLoadException e) {
			context.err().println("parapet diff: " + e.getMessage());
			return e.invalidPolicy() ? ExitCode.FINDINGS : ExitCode.USAGE_OR_IO;
		}
		ReportFormat chosen = json ? ReportFormat.JSON : format;
		context.out().print(chosen.report(context.colour()).render(diff));
		context.out().flush();
		if (chosen != ReportFormat.TEXT) {
			context.err().println("parapet diff: " + diff.summary().devicesAffected() + " device(s) affected, "
					+ diff.summary().count(Verdict.WIDENS) + " widen, " + diff.summary().count(Verdict.NARROWS)
					+ " narrow, " + diff.summary().count(Verdict.NEUTRAL) + " neutral");
		}
		if (failOn != null && diff.changes().stream().anyMatch(c -> c.verdict().compareTo(failOn) <= 0)) {
			context.err().println("parapet diff: failing: changes that " + failOn.word() + " or worse");
			return GATE;
		}
		return ExitCode.OK;
	}

	/**
	 * git runs textconv on one file, often a temporary copy of an old blob whose imports cannot be
	 * found: then the text is shown as is under a header line, so {@code git diff} still works.
	 */
	private int textconv(List<String> versions) throws CliException {
		if (versions.size() != 1) {
			throw new CliException("--textconv takes one file");
		}
		Path file = context.workingDirectory().resolve(versions.get(0));
		try {
			context.out().print(EffectiveText.of(FleetVersions.file(file)));
		} catch (FleetLoadException e) {
			try {
				context.out().println("# parapet: effective policy unavailable: " + e.getMessage().lines().findFirst().orElse(""));
				context.out().print(Files.readString(file));
			} catch (java.io.IOException io) {
				throw new CliException(file + ": cannot read: " + io.getMessage(), io);
			}
		}
		context.out().flush();
		return ExitCode.OK;
	}

	private static FleetVersion joined(java.util.concurrent.Future<FleetVersion> version)
			throws FleetLoadException, CliException {
		try {
			return version.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CliException("interrupted", e);
		} catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof FleetLoadException load) {
				throw load;
			}
			if (e.getCause() instanceof CliException cli) {
				throw cli;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/** A path that exists is a folder or file; anything else must be a revision of the repository. */
	private FleetVersion version(String argument, Path repo, Optional<String> path) throws FleetLoadException, CliException {
		Path candidate = context.workingDirectory().resolve(argument);
		if (Files.exists(candidate)) {
			return path.isPresent() && Files.isDirectory(candidate) ? FleetVersions.path(candidate.resolve(path.get()))
					: FleetVersions.path(candidate);
		}
		if (!GitVersions.isRevision(repo, argument)) {
			throw new CliException(argument + ": neither a file, a folder nor a git revision of " + repo);
		}
		return GitVersions.load(repo, argument, path.map(p -> relativeToTop(repo, p)));
	}

	private FleetVersion workTree(Path repo, Optional<String> path) throws FleetLoadException {
		Path top = FleetVersions.workTreeTop(repo).orElse(repo);
		return FleetVersions.path(path.map(p -> top.resolve(relativeToTop(repo, p))).orElse(top));
	}

	/** PATH is given relative to the working directory, as git does; revisions want it from the top. */
	private String relativeToTop(Path repo, String path) {
		Path top = FleetVersions.workTreeTop(repo).orElse(repo);
		Path absolute = context.workingDirectory().resolve(path).toAbsolutePath().normalize();
		return absolute.startsWith(top) ? top.relativize(absolute).toString().replace('\\', '/') : path;
	}
}
