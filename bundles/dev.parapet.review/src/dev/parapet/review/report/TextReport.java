// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import java.util.List;
import java.util.Map;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.Verdict;

/** Terminal text, one line per change under its device, ANSI colour optional. */
public final class TextReport implements DiffReport {

	private static final String RESET = "\u001b[0m";
	private static final String BOLD = "\u001b[1m";

	private final boolean colour;

	public TextReport(boolean colour) {
		this.colour = colour;
	}

	@Override
	public String render(FleetDiff diff) {
		StringBuilder out = new StringBuilder();
		out.append(bold("parapet diff " + diff.before() + " -> " + diff.after())).append('\n');
		out.append(ReportText.headline(diff.summary())).append('\n');
		diff.summary().worst().ifPresent(worst -> out.append("worst: ").append(verdict(worst.verdict())).append(' ')
				.append(worst.subject()).append(' ').append(ReportText.element(worst)).append(": ").append(worst.reason())
				.append('\n'));
		if (diff.isEmpty()) {
			out.append("no effective change\n");
		}
		for (Map.Entry<String, List<Change>> group : ReportText.bySubject(diff).entrySet()) {
			out.append('\n').append(bold(group.getKey())).append('\n');
			for (Change change : group.getValue()) {
				out.append("  ").append(verdict(change.verdict())).append("  ").append(ReportText.element(change))
						.append(": ").append(change.reason()).append("  [").append(ReportText.locations(change))
						.append("]\n");
			}
		}
		return out.toString();
	}

	private String verdict(Verdict verdict) {
		String text = String.format("%-7s", verdict.name());
		if (!colour) {
			return text;
		}
		String code = switch (verdict) {
		case WIDENS -> "\u001b[1;31m";
		case NARROWS -> "\u001b[32m";
		case NEUTRAL -> "\u001b[2m";
		};
		return code + text + RESET;
	}

	private String bold(String text) {
		return colour ? BOLD + text + RESET : text;
	}
}
