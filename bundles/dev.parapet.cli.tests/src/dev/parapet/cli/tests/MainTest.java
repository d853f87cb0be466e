// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.cli.Main;

/** The top-level command: version, help, and what happens without a verb or with a wrong one. */
class MainTest {

	@Test
	void versionPrintsTheBundleVersionOfTheProduct(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "--version");
		assertEquals(0, run.exit());
		String first = run.out().lines().findFirst().orElseThrow();
		assertTrue(first.matches("parapet \\d+\\.\\d+\\.\\d+\\.\\d{12}"), first);
	}

	@Test
	void helpOfAVerbDescribesItsOptionsOnStdoutWithExitZero(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "help", "check");
		assertEquals(0, run.exit());
		assertTrue(run.out().startsWith("Usage: parapet check [-h] [--json] PATH..."), run.out());
		assertTrue(run.out().contains("parapet-check/1"), "documents the JSON schema");
	}

	@Test
	void helpWithoutVerbListsEveryVerb(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "help");
		assertEquals(0, run.exit());
		for (String verb : new String[] { "check", "fmt", "lsp", "help" }) {
			assertTrue(run.out().contains("\n  " + verb + " "), verb + " missing in\n" + run.out());
		}
		assertTrue(run.out().contains("parapet workbench [DIR]"), run.out());
	}

	@Test
	void helpOfAnUnknownVerbIsAUsageErrorWithExitTwo(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "help", "bake-everything");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("Unknown subcommand 'bake-everything'"), run.err());
	}

	@Test
	void noVerbPrintsTheUsageOnStderrWithExitTwo(@TempDir Path folder) {
		CliRun run = CliRun.in(folder);
		assertEquals(2, run.exit());
		assertEquals("", run.out());
		assertTrue(run.err().startsWith("parapet: missing verb\nUsage: parapet [-hV] VERB"), run.err());
	}

	@Test
	void anUnknownVerbIsAUsageErrorWithExitTwo(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "chek", ".");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("Unmatched arguments from index 0: 'chek'"), run.err());
	}

	@Test
	void theTestEntryPointReturnsTheExitCodeInsteadOfExiting() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(new String[] { "check", "no/such/file.parapet" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(2, exit);
		assertEquals("parapet check: no/such/file.parapet: no such file or folder\n", err.toString(StandardCharsets.UTF_8));
	}
}
