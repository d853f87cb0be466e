// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headline of a review: how many devices a change set touches, how many changes of each verdict,
 * and the single worst change (the first widening one in report order, else the first narrowing one...).
 */
public record FleetSummary(int devicesCompared, int devicesAffected, Map<Verdict, Integer> counts,
		Optional<Change> worst) {

	/** Summarises changes given in report order. */
	public static FleetSummary of(int devicesCompared, List<Change> changes) {
		Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
		for (Verdict verdict : Verdict.values()) {
			counts.put(verdict, 0);
		}
		for (Change change : changes) {
			counts.merge(change.verdict(), 1, Integer::sum);
		}
		int affected = (int) changes.stream().map(Change::device).filter(d -> !d.isEmpty()).distinct().count();
		Optional<Change> worst = changes.stream().min(Comparator.comparing(Change::verdict));
		return new FleetSummary(devicesCompared, affected, Map.copyOf(counts), worst);
	}

	public int count(Verdict verdict) {
		return counts.getOrDefault(verdict, 0);
	}
}
