// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code parapet check}: golden files of the text and JSON output for each folder of
 * testdata/check (its policy files, checked from inside the folder with the arguments in its
 * {@code args} file, "." by default), and the exit codes.
 */
class CheckCommandTest {

	@TestFactory
	Stream<DynamicTest> textOutputOfEachCaseMatchesItsGoldenFile() throws IOException {
		return TestData.cases("check").map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(),
				() -> TestData.assertGolden(folder.resolve("expected.txt"), check(folder).transcript())));
	}

	@TestFactory
	Stream<DynamicTest> jsonOutputOfEachCaseMatchesItsGoldenFile() throws IOException {
		return TestData.cases("check").map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(),
				() -> TestData.assertGolden(folder.resolve("expected.json"), check(folder, "--json").transcript())));
	}

	@Test
	void theExampleFleetHasNoFindingsAndExitsZero() {
		CliRun run = CliRun.in(TestData.examples(), "check", "acme-fleet");
		assertEquals("", run.out());
		assertTrue(run.err().startsWith("parapet check: "), run.err());
		assertTrue(run.err().contains(", no problems"), run.err());
		assertEquals(0, run.exit(), run.err());
	}

	@Test
	void errorsGiveExitOneAndOneLinePerFinding() {
		CliRun run = CliRun.in(TestData.root().resolve("check/unresolved-references"), "check", "devices.parapet");
		assertEquals(1, run.exit());
		for (String line : run.out().lines().toList()) {
			assertTrue(line.matches("devices\\.parapet:\\d+:\\d+: error \\S+: .+"), line);
		}
	}

	@Test
	void jsonOutputIsOneObjectWhoseCountsMatchItsDiagnostics() {
		CliRun run = CliRun.in(TestData.root().resolve("check/syntax-errors"), "check", "--json", "laptop.parapet");
		JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
		assertEquals("parapet-check/1", report.get("format").getAsString());
		assertEquals("laptop.parapet", report.getAsJsonArray("files").get(0).getAsString());
		JsonArray diagnostics = report.getAsJsonArray("diagnostics");
		long errors = 0;
		for (JsonElement element : diagnostics) {
			JsonObject diagnostic = element.getAsJsonObject();
			assertEquals("laptop.parapet", diagnostic.get("file").getAsString());
			assertTrue(diagnostic.get("line").getAsInt() >= 1);
			assertTrue(diagnostic.get("column").getAsInt() >= 1);
			assertTrue(diagnostic.get("code").getAsString().matches("PP\\d{4}"), diagnostic.toString());
			assertTrue(!diagnostic.get("message").getAsString().isBlank());
			if (diagnostic.get("severity").getAsString().equals("error")) {
				errors++;
			}
		}
		assertTrue(errors > 0);
		assertEquals(errors, report.get("errors").getAsLong());
		assertEquals(1, run.exit());
	}

	@Test
	void aMissingFileIsAnIoErrorWithExitTwo(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "check", "absent.parapet");
		assertEquals(2, run.exit());
		assertEquals("", run.out());
		assertEquals("parapet check: absent.parapet: no such file or folder\n", run.err());
	}

	@Test
	void aFolderWithoutPolicyFilesIsAUsageErrorWithExitTwo(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("notes.txt"), "not a policy", StandardCharsets.UTF_8);
		CliRun run = CliRun.in(folder, "check", ".");
		assertEquals(2, run.exit());
		assertEquals("parapet check: .: no .parapet files in this folder\n", run.err());
	}

	@Test
	void aFileWithAnotherExtensionIsRefusedWithExitTwo(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("notes.txt"), "device a { }", StandardCharsets.UTF_8);
		CliRun run = CliRun.in(folder, "check", "notes.txt");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("notes.txt: not a policy file"), run.err());
	}

	@Test
	void checkWithoutPathsIsAUsageErrorWithExitTwo(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "check");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("Missing required parameter: 'PATH'"), run.err());
	}

	@Test
	void anUnknownOptionIsAUsageErrorWithExitTwo(@TempDir Path folder) {
		CliRun run = CliRun.in(folder, "check", "--no-such-option", ".");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
	}

	private static CliRun check(Path folder, String... options) throws IOException {
		List<String> args = new ArrayList<>(List.of("check"));
		args.addAll(List.of(options));
		Path argsFile = folder.resolve("args");
		args.addAll(Files.exists(argsFile) ? Files.readAllLines(argsFile, StandardCharsets.UTF_8) : List.of("."));
		return CliRun.in(folder, args.toArray(String[]::new));
	}
}
