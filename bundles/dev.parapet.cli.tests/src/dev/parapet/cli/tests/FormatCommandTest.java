// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parapet fmt}: golden files (testdata/fmt/CASE/input.parapet formats to expected.parapet),
 * --check, refusal of files with syntax errors, and that formatting changes layout only.
 */
class FormatCommandTest {

	@TempDir
	Path work;

	@TestFactory
	Stream<DynamicTest> eachInputFormatsToItsGoldenFile() throws IOException {
		return TestData.cases("fmt").map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
			Path copy = work.resolve(folder.getFileName() + ".parapet");
			Files.copy(folder.resolve("input.parapet"), copy);
			CliRun run = CliRun.in(work, "fmt", copy.getFileName().toString());
			assertEquals(0, run.exit(), run.err());
			TestData.assertGolden(folder.resolve("expected.parapet"), Files.readString(copy, StandardCharsets.UTF_8));
		}));
	}

	@TestFactory
	Stream<DynamicTest> checkListsAnUnformattedFileExitsOneAndWritesNothing() throws IOException {
		return TestData.cases("fmt").map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
			Path copy = work.resolve("check-" + folder.getFileName() + ".parapet");
			Files.copy(folder.resolve("input.parapet"), copy);
			byte[] before = Files.readAllBytes(copy);
			CliRun run = CliRun.in(work, "fmt", "--check", copy.getFileName().toString());
			assertEquals(copy.getFileName() + "\n", run.out());
			assertEquals(1, run.exit());
			assertArrayEquals(before, Files.readAllBytes(copy));
		}));
	}

	@Test
	void aFileWithSyntaxErrorsIsNotFormattedItsErrorsAreListedAndExitIsOne() throws IOException {
		Path file = work.resolve("laptop.parapet");
		Files.copy(TestData.root().resolve("check/syntax-errors/laptop.parapet"), file);
		byte[] before = Files.readAllBytes(file);
		for (List<String> args : List.of(List.of("fmt", "laptop.parapet"), List.of("fmt", "--check", "laptop.parapet"))) {
			CliRun run = CliRun.in(work, args.toArray(String[]::new));
			assertEquals(1, run.exit(), args.toString());
			assertEquals("", run.out());
			assertTrue(run.err().lines().anyMatch(line -> line.matches("laptop\\.parapet:5:1: error \\S+: .+")), run.err());
			assertTrue(run.err().endsWith("1 not formatted because of syntax errors\n"), run.err());
			assertArrayEquals(before, Files.readAllBytes(file));
		}
	}

	@Test
	void formattingTheExampleFleetIsIdempotentAndChangesNoFinding() throws IOException {
		Path fleet = copyOfExampleFleet();
		CliRun first = CliRun.in(work, "fmt", "acme-fleet");
		assertEquals(0, first.exit(), first.err());
		CliRun again = CliRun.in(work, "fmt", "--check", "acme-fleet");
		assertEquals("", again.out(), "a formatted file must stay as it is");
		assertEquals(0, again.exit());
		CliRun check = CliRun.in(work, "check", "acme-fleet");
		assertEquals(CliRun.in(TestData.examples(), "check", "acme-fleet").out(), check.out());
		assertTrue(Files.isDirectory(fleet));
		try (Stream<Path> leftovers = Files.walk(fleet)) {
			assertEquals(List.of(), leftovers.filter(path -> path.toString().endsWith(".tmp")).toList(),
					"no temporary files are left behind");
		}
	}

	@Test
	void aMissingFileIsAnIoErrorWithExitTwo() {
		CliRun run = CliRun.in(work, "fmt", "absent.parapet");
		assertEquals(2, run.exit());
		assertEquals("parapet fmt: absent.parapet: no such file or folder\n", run.err());
	}

	private Path copyOfExampleFleet() throws IOException {
		Path source = TestData.examples().resolve("acme-fleet");
		Path target = work.resolve("acme-fleet");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(file, copy);
				}
			}
		}
		return target;
	}
}
