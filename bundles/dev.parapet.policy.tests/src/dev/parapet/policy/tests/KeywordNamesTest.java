// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.fleet.LoadedFleet;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.services.PolicyGrammarAccess;
import dev.parapet.tests.base.PolicyTestSupport;

/** A word of the language may name an element or a rule, and references to it link. */
class KeywordNamesTest {

	@Test
	void everyWordOfTheLanguageIsAnAlternativeOfTheNameRule() {
		PolicyGrammarAccess grammar = PolicyTestSupport.injector().getInstance(PolicyGrammarAccess.class);
		Set<String> words = new TreeSet<>();
		for (Keyword keyword : GrammarUtil.containedKeywords(grammar.getGrammar())) {
			AbstractRule rule = GrammarUtil.containingRule(keyword);
			// words of the other parser and enum rules (terminal rules hold character ranges, not words)
			if (keyword.getValue().matches("[a-z][a-z0-9-]*") && !(rule instanceof TerminalRule)
					&& rule != grammar.getValidIDRule()) {
				words.add(keyword.getValue());
			}
		}
		Set<String> names = new TreeSet<>();
		GrammarUtil.containedKeywords(grammar.getValidIDRule()).forEach(keyword -> names.add(keyword.getValue()));
		assertEquals(words, names);
	}

	@Test
	void everyWordOfTheLanguageNamesAProfileThatADeviceExtends() {
		PolicyGrammarAccess grammar = PolicyTestSupport.injector().getInstance(PolicyGrammarAccess.class);
		List<String> failures = new ArrayList<>();
		for (Keyword keyword : GrammarUtil.containedKeywords(grammar.getValidIDRule())) {
			String word = keyword.getValue();
			List<Issue> issues = PolicyTestSupport.validate("profile " + word + " {\n}\n\ndevice d-" + word + " extends " + word
					+ " {\n\tstorage {\n\t\tdisk " + word + " ahci 0 port 1 whole plain\n\t}\n}\n");
			issues.stream().filter(issue -> issue.getCode() != null && (issue.getCode().equals("PP1010")
					|| issue.getCode().equals("PP1001") || issue.getCode().equals("PP1011")))
					.forEach(issue -> failures.add(word + ": " + issue.getMessage()));
		}
		assertEquals(List.of(), failures);
	}

	@Test
	void aFleetNamedWithWordsOfTheLanguageChecksCleanAndResolves() {
		String devices = Fixture.DEVICES_HEADER + """
				profile base extends std {
					usb {
						match key vendor "0781" read-only
						default deny
					}
				}

				device port extends base {
					storage {
						disk port ahci 0 port 2 whole plain
					}
				}
				""";
		LoadedFleet fleet = PolicyTestSupport.load(PolicyTestSupport.writeFleet(Fixture.base()
				.replace("common.parapet", "storage-key k128", "storage-key key")
				.replace("common.parapet", "key k128", "key key")
				.put("devices.parapet", devices).files()));
		assertEquals(List.of(), fleet.diagnostics());
		Device port = fleet.devices().stream().filter(d -> d.getName().equals("port")).findFirst().orElseThrow();
		assertEquals("base", port.getParent().getName());
		assertFalse(port.getParent().eIsProxy());
		var effective = EffectivePolicies.resolve(port);
		assertEquals("port", effective.storageRules().get(0).getName());
		assertEquals("key", effective.usbRules().get(0).getName());
		assertTrue(effective.storageRules().stream().anyMatch(rule -> rule.getName().equals("data")));
	}
}
