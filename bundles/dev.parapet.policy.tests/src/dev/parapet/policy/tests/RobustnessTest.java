// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

import dev.parapet.tests.base.PolicyTestSupport;

/**
 * Garbage never crashes the parser or the validator: thousands of inputs derived from the examples
 * (truncations, spliced tokens, single-character edits, random bytes) parse and validate to
 * diagnostics, never to an exception. The generator is seeded, so a failure reproduces.
 */
class RobustnessTest {

	@Test
	void truncatedSplicedEditedAndRandomInputsNeverCrashParserOrValidator() throws IOException {
		List<String> corpus = corpus();
		List<String> inputs = new ArrayList<>();
		Random random = new Random(20261122L);
		for (String text : corpus) {
			int step = Math.max(1, text.length() / 250);
			for (int offset = 0; offset < text.length(); offset += step) {
				inputs.add(text.substring(0, offset));
			}
		}
		for (int i = 0; i < 1500; i++) {
			inputs.add(spliceTokens(corpus.get(random.nextInt(corpus.size())), corpus, random));
		}
		for (int i = 0; i < 1000; i++) {
			inputs.add(editCharacter(corpus.get(random.nextInt(corpus.size())), random));
		}
		for (int i = 0; i < 500; i++) {
			byte[] bytes = new byte[random.nextInt(400)];
			random.nextBytes(bytes);
			inputs.add(new String(bytes, i % 2 == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
		}
		assertTrue(inputs.size() >= 4000, "only " + inputs.size() + " inputs");
		for (String input : inputs) {
			try {
				List<Issue> issues = PolicyTestSupport.validate(input);
				assertFalse(issues == null);
			} catch (RuntimeException | StackOverflowError e) {
				fail("parse+validate threw on input:\n" + abbreviate(input), e);
			}
		}
	}

	private static List<String> corpus() throws IOException {
		List<String> corpus = new ArrayList<>();
		for (Path file : PolicyTestSupport.policyFiles(PolicyTestSupport.exampleFleet())) {
			corpus.add(Files.readString(file));
		}
		corpus.add(Fixture.FLEET);
		corpus.add(Fixture.COMMON);
		return corpus;
	}

	/** Replaces a random run of tokens by a random run of tokens from another text. */
	private static String spliceTokens(String text, List<String> corpus, Random random) {
		String[] tokens = text.split("(?<=\\s)|(?=\\s)|(?<=[{}])|(?=[{}])");
		String[] donor = corpus.get(random.nextInt(corpus.size())).split("\\s+");
		StringBuilder out = new StringBuilder();
		int cut = random.nextInt(tokens.length);
		int skip = random.nextInt(8);
		for (int i = 0; i < tokens.length; i++) {
			if (i == cut) {
				int from = random.nextInt(donor.length);
				for (int j = from; j < Math.min(donor.length, from + 1 + random.nextInt(6)); j++) {
					out.append(donor[j]).append(' ');
				}
			}
			if (i < cut || i >= cut + skip) {
				out.append(tokens[i]);
			}
		}
		return out.toString();
	}

	private static String editCharacter(String text, Random random) {
		if (text.isEmpty()) {
			return text;
		}
		int at = random.nextInt(text.length());
		String alphabet = "{}\".;:/*\\\n0aZ-_";
		String junk = String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
		return switch (random.nextInt(3)) {
			case 0 -> text.substring(0, at) + text.substring(at + 1);
			case 1 -> text.substring(0, at) + junk + text.substring(at);
			default -> text.substring(0, at) + junk + text.substring(at + 1);
		};
	}

	private static String abbreviate(String input) {
		return input.length() <= 2000 ? input : input.substring(0, 2000) + "...";
	}
}
