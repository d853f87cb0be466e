// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.parapet.policy.fleet.PolicyDiagnostic;
import dev.parapet.policy.validation.IssueCodes;
import dev.parapet.tests.base.PolicyTestSupport;

/** Every validation code: a fleet breaking its rule reports it, the corrected fleet checks clean. */
class ValidationCodesTest {

	@TestFactory
	Stream<DynamicTest> aFleetBreakingARuleReportsItsCodeSeverityAndAMessageNamingTheElement() {
		return ValidationCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
			List<PolicyDiagnostic> found = PolicyTestSupport.check(c.failing().files());
			assertTrue(found.stream().anyMatch(d -> d.code().equals(c.code()) && d.severity() == c.severity()
					&& d.message().contains(c.message())),
					() -> "expected " + c.severity() + " " + c.code() + " containing \"" + c.message() + "\", got:\n"
							+ render(found));
		}));
	}

	@TestFactory
	Stream<DynamicTest> theCorrectedFleetChecksWithoutAnyFinding() {
		return ValidationCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
			List<PolicyDiagnostic> found = PolicyTestSupport.check(c.passing().files());
			assertEquals(List.of(), found, () -> render(found));
		}));
	}

	@Test
	void everyIssueCodeHasAFailingAndAPassingCase() throws IllegalAccessException {
		Set<String> tested = ValidationCases.all().stream().map(ValidationCases.Case::code).collect(Collectors.toSet());
		Set<String> missing = new TreeSet<>(allCodes());
		missing.removeAll(tested);
		assertEquals(Set.of(), missing);
	}

	@Test
	void everyIssueCodeIsDocumentedInTheLanguageReference() throws IOException, IllegalAccessException {
		String reference = Files.readString(PolicyTestSupport.exampleFleet().resolve("../../docs/language.md").normalize());
		List<String> undocumented = new ArrayList<>();
		for (String code : allCodes()) {
			if (!reference.contains("| " + code + " |")) {
				undocumented.add(code);
			}
		}
		assertEquals(List.of(), undocumented);
	}

	@Test
	void issueCodesAreUniqueAndFollowTheFamilyPattern() throws IllegalAccessException {
		List<String> codes = allCodes();
		assertEquals(codes.size(), new TreeSet<>(codes).size(), "a code is used twice");
		assertTrue(codes.stream().allMatch(code -> code.matches("PP[1-8]\\d{3}")), codes::toString);
	}

	private static List<String> allCodes() throws IllegalAccessException {
		List<String> codes = new ArrayList<>();
		for (Field field : IssueCodes.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				codes.add((String) field.get(null));
			}
		}
		return codes;
	}

	private static String render(List<PolicyDiagnostic> diagnostics) {
		return diagnostics.stream().map(PolicyDiagnostic::toString).collect(Collectors.joining("\n"));
	}
}
