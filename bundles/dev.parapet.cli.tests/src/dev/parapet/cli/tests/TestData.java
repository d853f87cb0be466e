// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The test inputs and golden files under testdata/ of this bundle's source tree. */
final class TestData {

	private TestData() {
	}

	/** @return testdata/ (system property parapet.testdata, set by the pom) */
	static Path root() {
		String root = System.getProperty("parapet.testdata");
		if (root == null) {
			throw new IllegalStateException("system property parapet.testdata is not set (see pom.xml)");
		}
		return Path.of(root);
	}

	/** @return the repository's examples/ folder */
	static Path examples() {
		return root().resolve("../../../examples").normalize();
	}

	static Stream<Path> cases(String group) throws IOException {
		Path folder = root().resolve(group);
		if (!Files.isDirectory(folder)) {
			return Stream.empty();
		}
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter(Files::isDirectory).sorted().toList().stream();
		}
	}

	/**
	 * Compares {@code actual} with the golden file; a missing golden file is written and the test
	 * fails, so that new expectations are reviewed before they are committed.
	 */
	static void assertGolden(Path golden, String actual) throws IOException {
		if (!Files.exists(golden)) {
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
			fail("wrote the missing expectation " + golden + ": review it and run again");
		}
		assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "differs from " + golden);
	}
}
