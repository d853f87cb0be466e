// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parapet git-setup}: teaches the repository's git to show semantic diffs of policy files
 * (docs/review.md, "git"). Writes, in the repository's own config: {@code difftool.parapet.cmd} and
 * {@code diff.parapet.textconv}; and adds {@code *.parapet diff=parapet} to the top-level
 * .gitattributes (atomically) unless it is there.
 */
@Command(name = "git-setup", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Configures the git repository for semantic policy diffs:",
				"  git difftool -d -t parapet [REV]   compares the fleet folders with parapet diff",
				"  git diff                           shows effective policies (textconv) instead of text" },
		footer = { "", "Exit codes: 0 configured, 2 not a git repository or the config cannot be written." })
public final class GitSetupCommand implements Callable<Integer> {

	static final String ATTRIBUTE = "*.parapet diff=parapet";

	private final CliContext context;

	@Option(names = { "-C", "--repository" }, paramLabel = "DIR", description = "the repository holding DIR (default: .)")
	private Path repository;

	@Option(names = "--command", paramLabel = "CMD", defaultValue = "parapet",
			description = "how git runs parapet (default: ${DEFAULT-VALUE})")
	private String command;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	public GitSetupCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException {
		Path start = repository == null ? context.workingDirectory() : context.workingDirectory().resolve(repository);
		FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toAbsolutePath().toFile());
		if (builder.getGitDir() == null) {
			throw new CliException(start + ": not inside a git repository");
		}
		try (Repository git = builder.build()) {
			StoredConfig config = git.getConfig();
			config.setString("difftool", "parapet", "cmd", command + " diff \"$LOCAL\" \"$REMOTE\"");
			config.setBoolean("difftool", "parapet", "trustExitCode", true);
			config.setString("diff", "parapet", "textconv", command + " diff --textconv");
			config.setString("diff", "parapet", "xfuncname", "^(device|profile|fleet|group|holder|storage-key) .*$");
			config.save();
			Path attributes = git.getWorkTree().toPath().resolve(".gitattributes");
			boolean added = addAttribute(attributes);
			context.out().println("git-setup: " + git.getWorkTree() + ": difftool.parapet, diff.parapet.textconv"
					+ (added ? ", " + ATTRIBUTE + " in .gitattributes" : " (.gitattributes already routes *.parapet)"));
			return ExitCode.OK;
		} catch (IOException e) {
			throw new CliException(start + ": cannot configure git: " + e.getMessage(), e);
		}
	}

	private static boolean addAttribute(Path attributes) throws IOException {
		String existing = Files.exists(attributes) ? Files.readString(attributes) : "";
		if (existing.lines().anyMatch(line -> line.trim().equals(ATTRIBUTE))) {
			return false;
		}
		String text = existing.isEmpty() || existing.endsWith("\n") ? existing : existing + "\n";
		Path temp = Files.createTempFile(attributes.getParent(), ".gitattributes", ".tmp");
		try {
			Files.writeString(temp, text + ATTRIBUTE + "\n", StandardCharsets.UTF_8);
			Files.move(temp, attributes, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temp);
		}
		return true;
	}
}
