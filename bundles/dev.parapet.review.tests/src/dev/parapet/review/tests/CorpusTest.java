// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.parapet.review.ElementKind;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.VerdictRule;

/** Every before/after pair of the corpus yields exactly the verdicts its expected file lists. */
class CorpusTest {

	@TestFactory
	List<DynamicTest> eachPairYieldsItsExpectedVerdicts() throws IOException {
		return Corpus.pairs().stream().map(pair -> DynamicTest.dynamicTest(pair.getFileName().toString(), () -> {
			FleetDiff diff = Corpus.diff(pair.resolve("before.parapet"), pair.resolve("after.parapet"));
			assertEquals(String.join("\n", Corpus.expected(pair)), String.join("\n", Corpus.lines(diff)),
					() -> diff.changes().stream().map(c -> Corpus.line(c) + "  -- " + c.reason())
							.collect(Collectors.joining("\n")));
		})).toList();
	}

	@TestFactory
	List<DynamicTest> skippingUnchangedDevicesChangesNothing() throws IOException {
		return Corpus.pairs().stream().map(pair -> DynamicTest.dynamicTest(pair.getFileName().toString(), () -> {
			FleetDiff fast = Corpus.diff(pair.resolve("before.parapet"), pair.resolve("after.parapet"));
			FleetDiff full = Corpus.diffEveryDevice(pair.resolve("before.parapet"), pair.resolve("after.parapet"));
			assertEquals(Corpus.lines(full), Corpus.lines(fast));
		})).toList();
	}

	@Test
	void corpusHasAtLeastFortyPairsCoveringEveryDeviceElementKind() throws IOException {
		List<Path> pairs = Corpus.pairs();
		assertTrue(pairs.size() >= 40, "pairs: " + pairs.size());
		Set<String> covered = new java.util.TreeSet<>();
		for (Path pair : pairs) {
			for (String line : Corpus.expected(pair)) {
				covered.add(line.split(" ")[1]);
			}
		}
		Set<String> missing = new java.util.TreeSet<>();
		for (ElementKind kind : ElementKind.values()) {
			if (!covered.contains(kind.name())) {
				missing.add(kind.name());
			}
		}
		assertEquals(Set.of(), missing, "element kinds without a corpus pair");
	}

	@Test
	void everyVerdictRuleDecidesAtLeastOneCorpusChange() throws Exception {
		Set<VerdictRule> used = java.util.EnumSet.noneOf(VerdictRule.class);
		for (Path pair : Corpus.pairs()) {
			Corpus.diff(pair.resolve("before.parapet"), pair.resolve("after.parapet")).changes()
					.forEach(change -> used.add(change.rule()));
		}
		Set<VerdictRule> unused = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(used));
		unused.remove(VerdictRule.UNCLASSIFIED);
		assertEquals(Set.of(), unused, "verdict rules no corpus pair exercises");
	}
}
