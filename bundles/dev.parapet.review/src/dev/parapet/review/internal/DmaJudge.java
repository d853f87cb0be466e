// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parapet.policy.policy.DmaAction;
import dev.parapet.policy.policy.DmaScope;
import dev.parapet.policy.policy.PciByAddress;
import dev.parapet.policy.policy.PciById;
import dev.parapet.policy.policy.PciSelector;
import dev.parapet.review.VerdictRule;

/**
 * DMA scopes: the most specific selector wins (address, then id, then class). A PCI device no scope
 * names is passed through (allow), the para-passthrough default. A scope that appears, disappears or
 * selects other devices moves them between its action and the less specific scopes that may select
 * them, or the passthrough.
 */
final class DmaJudge implements NamedRules.Judge<DmaScope> {

	private final List<DmaScope> scopesBefore;
	private final List<DmaScope> scopesAfter;

	DmaJudge(List<DmaScope> scopesBefore, List<DmaScope> scopesAfter) {
		this.scopesBefore = scopesBefore;
		this.scopesAfter = scopesAfter;
	}

	@Override
	public void added(DmaScope scope, Findings findings) {
		for (DmaAction fallback : fallbacks(scopesBefore, scope)) {
			move(Canon.selector(scope.getSelector()), fallback, scope.getAction(), findings);
		}
	}

	@Override
	public void removed(DmaScope scope, Findings findings) {
		for (DmaAction fallback : fallbacks(scopesAfter, scope)) {
			move(Canon.selector(scope.getSelector()), scope.getAction(), fallback, findings);
		}
	}

	@Override
	public void changed(DmaScope before, DmaScope after, Findings findings) {
		String was = Canon.selector(before.getSelector());
		String is = Canon.selector(after.getSelector());
		if (!was.equals(is)) {
			for (DmaAction fallback : fallbacks(scopesBefore, after)) {
				move("newly selected " + is, fallback, after.getAction(), findings);
			}
			for (DmaAction fallback : fallbacks(scopesAfter, before)) {
				move("no longer selected " + was, before.getAction(), fallback, findings);
			}
		}
		move(is, before.getAction(), after.getAction(), findings);
		if (findings.isEmpty()) {
			findings.neutral(VerdictRule.DMA_ACTION, "selector " + was + " -> " + is + ", same action for the devices");
		}
	}

	private static void move(String who, DmaAction from, DmaAction to, Findings findings) {
		findings.ranked(VerdictRule.DMA_ACTION, who, Strengths.DMA_RANK.get(from), Strengths.DMA_RANK.get(to),
				from.getLiteral(), to.getLiteral());
	}

	/** Actions of the other, less specific scopes that may select the same devices, and the passthrough. */
	private static List<DmaAction> fallbacks(List<DmaScope> scopes, DmaScope scope) {
		List<DmaAction> actions = new ArrayList<>();
		int specificity = specificity(scope.getSelector());
		for (DmaScope other : scopes) {
			if (!Objects.equals(other.getName(), scope.getName()) && specificity(other.getSelector()) < specificity) {
				actions.add(other.getAction());
			}
		}
		actions.add(DmaAction.ALLOW);
		return actions;
	}

	private static int specificity(PciSelector selector) {
		if (selector instanceof PciByAddress) {
			return 3;
		}
		return selector instanceof PciById ? 2 : 1;
	}
}
