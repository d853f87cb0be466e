// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parapet.policy.policy.Encryption;
import dev.parapet.policy.policy.UsbAction;
import dev.parapet.policy.policy.UsbAllow;
import dev.parapet.policy.policy.UsbReadOnly;
import dev.parapet.policy.policy.UsbRule;
import dev.parapet.review.VerdictRule;

/**
 * USB rules under first-match semantics. A rule that appears, disappears or matches other devices
 * moves those devices between its action and what they get otherwise: the later rules that may match
 * them (up to the first one matching all of them) or, failing that, the default. If any of those
 * moves is towards a more permissive action, the change widens.
 */
final class UsbJudge implements NamedRules.Judge<UsbRule> {

	private final List<UsbRule> rulesBefore;
	private final UsbAction defaultBefore;
	private final List<UsbRule> rulesAfter;
	private final UsbAction defaultAfter;

	UsbJudge(List<UsbRule> rulesBefore, UsbAction defaultBefore, List<UsbRule> rulesAfter, UsbAction defaultAfter) {
		this.rulesBefore = rulesBefore;
		this.defaultBefore = defaultBefore;
		this.rulesAfter = rulesAfter;
		this.defaultAfter = defaultAfter;
	}

	static int rank(UsbAction action) {
		if (action instanceof UsbAllow) {
			return Strengths.USB_ALLOW;
		}
		if (action instanceof Encryption) {
			return Strengths.USB_ENCRYPT;
		}
		if (action instanceof UsbReadOnly) {
			return Strengths.USB_READ_ONLY;
		}
		return Strengths.USB_DENY;
	}

	/** Devices moving from one action to another: permissiveness, then encryption strength. */
	static void move(String who, UsbAction from, UsbAction to, Findings findings) {
		String was = Canon.usbAction(from);
		String is = Canon.usbAction(to);
		if (was.equals(is)) {
			return;
		}
		if (from instanceof Encryption before && to instanceof Encryption after) {
			Findings encryption = new Findings();
			Protections.compare(before, after, encryption);
			if (!encryption.isEmpty()) {
				Findings.Finding decided = encryption.decide();
				findings.add(decided.verdict(), decided.rule(), who + ": " + decided.reason());
			}
			return;
		}
		findings.ranked(VerdictRule.USB_ACTION, who, rank(from), rank(to), label(from), label(to));
	}

	private static String label(UsbAction action) {
		return action instanceof Encryption encryption ? "encrypt " + encryption.getCipher().getLiteral()
				: Canon.usbAction(action);
	}

	@Override
	public void added(UsbRule rule, Findings findings) {
		for (UsbAction fallback : fallbacks(rulesBefore, rule, defaultBefore)) {
			move("matched devices", fallback, rule.getAction(), findings);
		}
		retag(findings);
	}

	@Override
	public void removed(UsbRule rule, Findings findings) {
		for (UsbAction fallback : fallbacks(rulesAfter, rule, defaultAfter)) {
			move("devices it matched", rule.getAction(), fallback, findings);
		}
		retag(findings);
	}

	@Override
	public void changed(UsbRule before, UsbRule after, Findings findings) {
		boolean sameMatcher = Canon.usbMatcher(before).equals(Canon.usbMatcher(after));
		if (!sameMatcher) {
			if (!contains(before, after)) {
				for (UsbAction fallback : fallbacks(rulesBefore, after, defaultBefore)) {
					move("newly matched devices (" + Canon.usbMatcher(after) + ")", fallback, after.getAction(), findings);
				}
			}
			if (!contains(after, before)) {
				for (UsbAction fallback : fallbacks(rulesAfter, before, defaultAfter)) {
					move("devices no longer matched (" + Canon.usbMatcher(before) + ")", before.getAction(), fallback,
							findings);
				}
			}
			retag(findings);
		}
		move("action", before.getAction(), after.getAction(), findings);
		if (findings.isEmpty()) {
			findings.neutral(VerdictRule.USB_FIRST_MATCH, "matcher " + Canon.usbMatcher(before) + " -> "
					+ Canon.usbMatcher(after) + ", affected devices keep the same action");
		}
	}

	/** Moves caused by matching are decided by the first-match rule, not the plain action order. */
	private static void retag(Findings findings) {
		if (findings.isEmpty()) {
			return;
		}
		Findings.Finding decided = findings.decide();
		Findings retagged = new Findings();
		retagged.add(decided.verdict(), decided.rule() == VerdictRule.USB_ACTION ? VerdictRule.USB_FIRST_MATCH
				: decided.rule(), decided.reason());
		findings.clearAndAdd(retagged);
	}

	/**
	 * What devices matched by {@code rule} get from {@code rules} when {@code rule} itself does not apply:
	 * the actions of the rules after it (or, if absent from the list, all rules) that may match the same
	 * devices, up to one that matches all of them; the default if none does.
	 */
	static List<UsbAction> fallbacks(List<UsbRule> rules, UsbRule rule, UsbAction defaultAction) {
		int start = 0;
		for (int i = 0; i < rules.size(); i++) {
			if (Objects.equals(rules.get(i).getName(), rule.getName())) {
				start = i + 1;
				break;
			}
		}
		List<UsbAction> actions = new ArrayList<>();
		for (UsbRule other : rules.subList(start, rules.size())) {
			if (Objects.equals(other.getName(), rule.getName()) || !overlaps(other, rule)) {
				continue;
			}
			actions.add(other.getAction());
			if (contains(other, rule)) {
				return actions;
			}
		}
		actions.add(defaultAction);
		return actions;
	}

	/** Whether every device {@code inner} matches is matched by {@code outer}. */
	static boolean contains(UsbRule outer, UsbRule inner) {
		return within(outer.getVendor(), inner.getVendor()) && within(outer.getProduct(), inner.getProduct())
				&& within(outer.getSerial(), inner.getSerial()) && within(outer.getUsbClass(), inner.getUsbClass());
	}

	static boolean overlaps(UsbRule a, UsbRule b) {
		return compatible(a.getVendor(), b.getVendor()) && compatible(a.getProduct(), b.getProduct())
				&& compatible(a.getSerial(), b.getSerial()) && compatible(a.getUsbClass(), b.getUsbClass());
	}

	private static boolean within(String outer, String inner) {
		return outer == null || outer.equalsIgnoreCase(Objects.toString(inner, ""));
	}

	private static boolean compatible(String a, String b) {
		return a == null || b == null || a.equalsIgnoreCase(b);
	}

	/** The default action changed: a plain move along the permissiveness order. */
	static void defaults(UsbAction before, UsbAction after, Findings findings) {
		move("unmatched devices", before, after, findings);
	}
}
