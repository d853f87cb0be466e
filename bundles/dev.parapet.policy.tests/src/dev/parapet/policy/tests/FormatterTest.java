// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.parapet.tests.base.ModelDump;
import dev.parapet.tests.base.PolicyTestSupport;

/** The formatter has one canonical layout, reaches it in one pass and never changes meaning. */
class FormatterTest {

	private static final String MESSY = """
			// head comment
			import "a.parapet"   import "b.parapet"
			holder   h{display-name "H" card "01020304"}   group g { holders h ,  h2 includes x}
			profile p extends q{model m storage{disk a ata 0 channel 0 master lba 0 .. 10 plain // trailing
			disk b ahci 1 port 2 whole encrypt aes-xts-256 key k}


			/* block
			   comment */   login { piv-card   pin-length 4 .. 8 }}
			device d extends p {   }""";

	private static final String MESSY_FORMATTED = """
			// head comment
			import "a.parapet"
			import "b.parapet"

			holder h {
				display-name "H"
				card "01020304"
			}

			group g {
				holders h, h2
				includes x
			}

			profile p extends q {
				model m
				storage {
					disk a ata 0 channel 0 master lba 0..10 plain // trailing
					disk b ahci 1 port 2 whole encrypt aes-xts-256 key k
				}

				/* block
				 comment */
				login {
					piv-card
					pin-length 4..8
				}
			}

			device d extends p {
			}
			""";

	@Test
	void aMessyFileGetsTheCanonicalLayoutWithItsCommentsKept() {
		assertEquals(MESSY_FORMATTED, PolicyTestSupport.format(MESSY));
	}

	@Test
	void theExampleFleetIsAlreadyInCanonicalLayout() throws IOException {
		for (Path file : PolicyTestSupport.policyFiles(PolicyTestSupport.exampleFleet())) {
			String text = Files.readString(file);
			assertEquals(text, PolicyTestSupport.format(text), file.toString());
		}
	}

	@TestFactory
	Stream<DynamicTest> formattingTwiceChangesNothingMoreThanFormattingOnce() {
		return inputs().stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> {
			String once = PolicyTestSupport.format(input.text());
			assertEquals(once, PolicyTestSupport.format(once));
		}));
	}

	@TestFactory
	Stream<DynamicTest> formattingKeepsTheParsedModel() {
		return inputs().stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> {
			String once = PolicyTestSupport.format(input.text());
			assertEquals(ModelDump.of(PolicyTestSupport.parse(input.text()).getContents().get(0)),
					ModelDump.of(PolicyTestSupport.parse(once).getContents().get(0)));
		}));
	}

	@Test
	void squashedInputFormatsToTheSameLayoutAsTheOriginal() throws IOException {
		for (Path file : PolicyTestSupport.policyFiles(PolicyTestSupport.exampleFleet())) {
			String text = Files.readString(file);
			// one line, no comments: every token separated by a single space
			String squashed = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ").replaceAll("\\s+", " ");
			String expected = PolicyTestSupport.format(text.replaceAll("(?s)/\\*.*?\\*/\\s*", "").replaceAll("//[^\n]*\n", "")
					.replaceAll("\n\n+", "\n"));
			assertEquals(expected, PolicyTestSupport.format(squashed), file.toString());
		}
	}

	record Input(String name, String text) {
	}

	/** Every example file and every passing validation fixture, plus generated layouts of them. */
	static List<Input> inputs() {
		List<Input> inputs = new ArrayList<>();
		for (Path file : PolicyTestSupport.policyFiles(PolicyTestSupport.exampleFleet())) {
			try {
				String text = Files.readString(file);
				inputs.add(new Input(file.getFileName().toString(), text));
				inputs.add(new Input(file.getFileName() + " on one line", text.replaceAll("//[^\n]*", "").replaceAll("\\s+", " ")));
				// spaces outside string literals become blank lines and stray indentation
				String uncommented = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
				inputs.add(new Input(file.getFileName() + " spread out", uncommented.replaceAll("(?m) (?=(?:[^\"\n]*\"[^\"\n]*\")*[^\"\n]*$)", "\n\n\t  ")));
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
		int index = 0;
		for (ValidationCases.Case c : ValidationCases.all()) {
			for (Map.Entry<String, String> file : c.passing().files().entrySet()) {
				if (file.getKey().endsWith(".parapet") && PolicyTestSupport.parse(file.getValue()).getErrors().isEmpty()) {
					inputs.add(new Input(c.code() + " case " + index++ + " " + file.getKey(), file.getValue()));
				}
			}
		}
		inputs.add(new Input("messy", MESSY));
		return inputs;
	}
}
