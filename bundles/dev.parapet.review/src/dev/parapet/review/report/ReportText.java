// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.FleetSummary;
import dev.parapet.review.SourceLocation;
import dev.parapet.review.Verdict;

/** Wording shared by the human-readable reports, so text, Markdown and HTML say the same things. */
final class ReportText {

	private ReportText() {
	}

	static String headline(FleetSummary summary) {
		return summary.devicesCompared() + " devices compared, " + summary.devicesAffected() + " affected: "
				+ summary.count(Verdict.WIDENS) + " widen, " + summary.count(Verdict.NARROWS) + " narrow, "
				+ summary.count(Verdict.NEUTRAL) + " neutral";
	}

	static String element(Change change) {
		return change.title() + " (" + change.change().word() + ")";
	}

	static String location(Optional<SourceLocation> location) {
		return location.map(SourceLocation::toString).orElse("-");
	}

	/** "old:12 -> new:14", "old:12", or "-" when neither side is written (language defaults). */
	static String locations(Change change) {
		if (change.before().isEmpty() && change.after().isEmpty()) {
			return "-";
		}
		if (change.before().isEmpty()) {
			return location(change.after());
		}
		if (change.after().isEmpty()) {
			return location(change.before()) + " (old)";
		}
		return location(change.before()) + " -> " + location(change.after());
	}

	/** Changes grouped by subject (device, or "fleet"), in report order. */
	static Map<String, List<Change>> bySubject(FleetDiff diff) {
		Map<String, List<Change>> groups = new LinkedHashMap<>();
		for (Change change : diff.changes()) {
			groups.computeIfAbsent(change.subject(), s -> new java.util.ArrayList<>()).add(change);
		}
		return groups;
	}
}
