// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import java.util.List;
import java.util.Map;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.Verdict;

/** Markdown for pull-request comments: summary, worst change, one table per device. */
public final class MarkdownReport implements DiffReport {

	@Override
	public String render(FleetDiff diff) {
		StringBuilder out = new StringBuilder();
		out.append("## Parapet policy review: `").append(code(diff.before())).append("` → `").append(code(diff.after()))
				.append("`\n\n");
		out.append("| Devices compared | Devices affected | Widens | Narrows | Neutral |\n|---:|---:|---:|---:|---:|\n");
		out.append("| ").append(diff.summary().devicesCompared()).append(" | ").append(diff.summary().devicesAffected())
				.append(" | ").append(diff.summary().count(Verdict.WIDENS)).append(" | ")
				.append(diff.summary().count(Verdict.NARROWS)).append(" | ").append(diff.summary().count(Verdict.NEUTRAL))
				.append(" |\n\n");
		diff.summary().worst().ifPresent(worst -> out.append("**Worst change:** ").append(badge(worst.verdict()))
				.append(" `").append(code(worst.subject())).append("` ").append(cell(ReportText.element(worst))).append(": ")
				.append(cell(worst.reason())).append("\n\n"));
		if (diff.isEmpty()) {
			out.append("No effective change.\n");
		}
		for (Map.Entry<String, List<Change>> group : ReportText.bySubject(diff).entrySet()) {
			out.append("### `").append(code(group.getKey())).append("`\n\n");
			out.append("| Verdict | Element | Reason | Source |\n|---|---|---|---|\n");
			for (Change change : group.getValue()) {
				out.append("| ").append(badge(change.verdict())).append(" | ").append(cell(ReportText.element(change)))
						.append(" | ").append(cell(change.reason())).append(" | ").append(cell(ReportText.locations(change)))
						.append(" |\n");
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static String badge(Verdict verdict) {
		return switch (verdict) {
		case WIDENS -> "🔴 **WIDENS**";
		case NARROWS -> "🟢 NARROWS";
		case NEUTRAL -> "⚪ NEUTRAL";
		};
	}

	/** Table cells: pipes and line breaks would break the row; markup characters are escaped. */
	private static String cell(String text) {
		return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")
				.replace("\r", " ").replace("\n", " ");
	}

	private static String code(String text) {
		return text.replace("`", "'");
	}
}
