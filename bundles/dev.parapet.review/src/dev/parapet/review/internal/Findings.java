// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.parapet.review.Verdict;
import dev.parapet.review.VerdictRule;

/**
 * The aspects in which one element differs, each judged by a verdict rule. An element's verdict is
 * the worst of its aspects: one widening aspect makes the whole change widen, whatever else narrows.
 */
public final class Findings {

	/** One judged aspect. */
	public record Finding(Verdict verdict, VerdictRule rule, String reason) {
	}

	private final List<Finding> findings = new ArrayList<>();

	public void add(Verdict verdict, VerdictRule rule, String reason) {
		findings.add(new Finding(verdict, rule, reason));
	}

	public void widens(VerdictRule rule, String reason) {
		add(Verdict.WIDENS, rule, reason);
	}

	public void narrows(VerdictRule rule, String reason) {
		add(Verdict.NARROWS, rule, reason);
	}

	public void neutral(VerdictRule rule, String reason) {
		add(Verdict.NEUTRAL, rule, reason);
	}

	/**
	 * Judges a move along an order: a higher rank after the change widens.
	 *
	 * @param what   the aspect, e.g. "cipher"
	 * @param before text of the old value
	 * @param after  text of the new value
	 */
	public void ranked(VerdictRule rule, String what, int rankBefore, int rankAfter, String before, String after) {
		if (rankAfter > rankBefore) {
			widens(rule, what + " " + before + " -> " + after);
		} else if (rankAfter < rankBefore) {
			narrows(rule, what + " " + before + " -> " + after);
		} else if (!before.equals(after)) {
			neutral(rule, what + " " + before + " -> " + after);
		}
	}

	/** Adds the other's findings to these. */
	public void addAll(Findings other) {
		findings.addAll(other.findings);
	}

	/** Replaces these findings with the other's. */
	public void clearAndAdd(Findings other) {
		findings.clear();
		findings.addAll(other.findings);
	}

	/**
	 * Judges a set that grew or shrank: members gained widen, members lost narrow.
	 *
	 * @param gained text before the gained members, e.g. "can now log in: "
	 * @param lost   text before the lost members
	 */
	public void members(VerdictRule rule, java.util.Set<String> before, java.util.Set<String> after, String gained,
			String lost) {
		java.util.TreeSet<String> plus = Principals.minus(after, before);
		java.util.TreeSet<String> minus = Principals.minus(before, after);
		if (!plus.isEmpty()) {
			widens(rule, gained + Principals.list(plus));
		}
		if (!minus.isEmpty()) {
			narrows(rule, lost + Principals.list(minus));
		}
	}

	public boolean isEmpty() {
		return findings.isEmpty();
	}

	/** Whether some aspects widen and others narrow: a substitution. */
	public boolean isMixed() {
		return findings.stream().anyMatch(f -> f.verdict() == Verdict.WIDENS)
				&& findings.stream().anyMatch(f -> f.verdict() == Verdict.NARROWS);
	}

	/** The worst aspect's verdict and rule, with the reasons of every aspect of that verdict. */
	public Finding decide() {
		Verdict worst = findings.stream().map(Finding::verdict).reduce(Verdict.NEUTRAL, Verdict::worst);
		List<Finding> decisive = findings.stream().filter(f -> f.verdict() == worst).toList();
		String others = findings.stream().filter(f -> f.verdict() != worst).map(Finding::reason)
				.collect(Collectors.joining("; "));
		String reason = decisive.stream().map(Finding::reason).distinct().collect(Collectors.joining("; "));
		return new Finding(worst, decisive.get(0).rule(), others.isEmpty() ? reason : reason + " (also: " + others + ")");
	}
}
