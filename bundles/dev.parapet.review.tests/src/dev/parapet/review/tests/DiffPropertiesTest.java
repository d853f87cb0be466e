// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.review.Change;
import dev.parapet.review.ChangeKind;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.Verdict;

/** Properties every diff must have, checked on every corpus pair. */
class DiffPropertiesTest {

	@TempDir
	Path scratch;

	@TestFactory
	List<DynamicTest> aVersionComparedWithItselfHasNoChanges() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path pair : Corpus.pairs()) {
			for (String side : List.of("before.parapet", "after.parapet")) {
				tests.add(DynamicTest.dynamicTest(pair.getFileName() + "/" + side, () -> {
					FleetDiff diff = Corpus.diffEveryDevice(pair.resolve(side), pair.resolve(side));
					assertEquals(List.of(), diff.changes().stream().map(Corpus::line).toList());
				}));
			}
		}
		return tests;
	}

	/**
	 * A substitution (another CA, another disk, another signing key) gains and loses at once: it is
	 * marked {@link Change#mixed()} and widens both ways, by design (docs/review.md).
	 */
	@TestFactory
	List<DynamicTest> everyWideningIsANarrowingOrARemovalTheOtherWay() throws IOException {
		return Corpus.pairs().stream().map(pair -> DynamicTest.dynamicTest(pair.getFileName().toString(), () -> {
			FleetDiff forward = Corpus.diff(pair.resolve("before.parapet"), pair.resolve("after.parapet"));
			FleetDiff backward = Corpus.diff(pair.resolve("after.parapet"), pair.resolve("before.parapet"));
			Map<String, Change> back = backward.changes().stream()
					.collect(Collectors.toMap(DiffPropertiesTest::key, Function.identity(), (a, b) -> a));
			for (Change change : forward.changes()) {
				if (change.verdict() != Verdict.WIDENS) {
					continue;
				}
				Change reverse = back.get(key(change));
				assertTrue(reverse != null, "no reverse change for " + Corpus.line(change));
				boolean substitution = change.mixed() && reverse.mixed();
				assertTrue(reverse.verdict() == Verdict.NARROWS || reverse.change() == ChangeKind.REMOVED || substitution,
						Corpus.line(change) + " reversed is " + Corpus.line(reverse) + " -- " + reverse.reason());
			}
		})).toList();
	}

	@TestFactory
	List<DynamicTest> commentsAndLayoutAloneYieldNothing() throws IOException {
		return Corpus.pairs().stream().map(pair -> DynamicTest.dynamicTest(pair.getFileName().toString(), () -> {
			Path original = pair.resolve("after.parapet");
			Path reformatted = scratch.resolve(pair.getFileName() + ".parapet");
			Files.writeString(reformatted, relayout(Files.readString(original)));
			FleetDiff diff = Corpus.diffEveryDevice(original, reformatted);
			assertEquals(List.of(), diff.changes().stream().map(Corpus::line).toList());
		})).toList();
	}

	/** Device and element, independent of the direction of the change. */
	private static String key(Change change) {
		return change.subject() + " " + change.kind() + " " + change.element();
	}

	/**
	 * Same tokens, other layout: a block comment up front, every line break doubled and followed by a
	 * line comment, tabs turned into spaces. Strings never span lines, so no string value changes; tabs
	 * never occur inside strings of the corpus.
	 */
	static String relayout(String text) {
		return "/* reformatted copy */\n" + text.replace("\t", "    ").replace("\n", "\n// layout only\n\n");
	}
}
