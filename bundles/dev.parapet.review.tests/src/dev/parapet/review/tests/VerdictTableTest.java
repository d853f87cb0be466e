// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parapet.review.VerdictRule;

/** docs/review.md shows the verdict rule table exactly as the code applies it. */
class VerdictTableTest {

	@Test
	void docsListEveryVerdictRuleWithItsDescription() throws Exception {
		Path docs = Path.of(System.getProperty("parapet.review.docs", "../../docs/review.md"));
		List<String> lines = Files.readAllLines(docs);
		List<String> missing = new ArrayList<>();
		for (VerdictRule rule : VerdictRule.values()) {
			String row = "| `" + rule.id() + "` | " + rule.element() + " | " + rule.description().replace("|", "\\|") + " |";
			if (!lines.contains(row)) {
				missing.add(row);
			}
		}
		assertEquals(List.of(), missing, "rows of docs/review.md that differ from VerdictRule");
	}
}
