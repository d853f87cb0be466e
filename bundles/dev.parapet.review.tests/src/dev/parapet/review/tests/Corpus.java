// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.FleetDiffer;
import dev.parapet.review.FleetVersion;
import dev.parapet.review.load.FleetLoadException;
import dev.parapet.review.load.FleetVersions;

/** The before/after pairs under corpus/ (written by make-corpus.py) and helpers to diff them. */
final class Corpus {

	private Corpus() {
	}

	static Path root() {
		return Path.of(System.getProperty("parapet.review.corpus", "corpus"));
	}

	static List<Path> pairs() throws IOException {
		try (Stream<Path> list = Files.list(root())) {
			return list.filter(Files::isDirectory).sorted().toList();
		}
	}

	static FleetDiff diff(Path before, Path after) throws FleetLoadException {
		FleetVersion was = FleetVersions.file(before);
		FleetVersion is = FleetVersions.file(after);
		return FleetDiffer.diff(was, is);
	}

	/** {@link #diff} without the unchanged-device shortcut. */
	static FleetDiff diffEveryDevice(Path before, Path after) throws FleetLoadException {
		return FleetDiffer.diffEveryDevice(FleetVersions.file(before), FleetVersions.file(after));
	}

	/** "device KIND element CHANGE VERDICT", the format of the expected files. */
	static String line(Change change) {
		return change.subject() + " " + change.kind().name() + " " + change.element() + " " + change.change().name() + " "
				+ change.verdict().name();
	}

	static TreeSet<String> lines(FleetDiff diff) {
		return diff.changes().stream().map(Corpus::line).collect(Collectors.toCollection(TreeSet::new));
	}

	static TreeSet<String> expected(Path pair) throws IOException {
		return Files.readAllLines(pair.resolve("expected")).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
				.collect(Collectors.toCollection(TreeSet::new));
	}
}
