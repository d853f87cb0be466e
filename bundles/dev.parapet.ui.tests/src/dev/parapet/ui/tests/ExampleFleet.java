// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of examples/acme-fleet, so that the tests may edit and save files. */
final class ExampleFleet {

	private ExampleFleet() {
	}

	static Path copy() throws IOException {
		Path source = Path.of(System.getProperty("parapet.exampleFleet", "../../examples/acme-fleet")).toAbsolutePath()
				.normalize();
		Path target = Files.createTempDirectory("parapet-ui-test").resolve("acme-fleet");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : (Iterable<Path>) files::iterator) {
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
