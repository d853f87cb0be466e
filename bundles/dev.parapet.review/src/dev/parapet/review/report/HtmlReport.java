// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import java.util.List;
import java.util.Map;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.Verdict;

/** One self-contained HTML page: inline CSS, no scripts, nothing fetched. */
public final class HtmlReport implements DiffReport {

	private static final String STYLE = """
			body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1b1f23}
			h1{font-size:1.3em}h2{font-size:1.05em;margin-top:1.6em;font-family:monospace}
			table{border-collapse:collapse;width:100%}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
			th{background:#f6f8fa}.v{font-weight:600;white-space:nowrap}.widens{color:#b31d28}.narrows{color:#22863a}.neutral{color:#6a737d}
			.src{font-family:monospace;font-size:12px;white-space:nowrap}.summary td{text-align:right}
			""";

	@Override
	public String render(FleetDiff diff) {
		StringBuilder out = new StringBuilder();
		String title = "Parapet policy review: " + diff.before() + " → " + diff.after();
		out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
				.append("</title><style>").append(STYLE).append("</style></head><body>\n");
		out.append("<h1>").append(escape(title)).append("</h1>\n");
		out.append("<table class=\"summary\"><tr><th>Devices compared</th><th>Devices affected</th><th>Widens</th>"
				+ "<th>Narrows</th><th>Neutral</th></tr><tr><td>").append(diff.summary().devicesCompared()).append("</td><td>")
				.append(diff.summary().devicesAffected()).append("</td><td>").append(diff.summary().count(Verdict.WIDENS))
				.append("</td><td>").append(diff.summary().count(Verdict.NARROWS)).append("</td><td>")
				.append(diff.summary().count(Verdict.NEUTRAL)).append("</td></tr></table>\n");
		diff.summary().worst().ifPresent(worst -> out.append("<p><strong>Worst change:</strong> ")
				.append(verdict(worst.verdict())).append(" <code>").append(escape(worst.subject())).append("</code> ")
				.append(escape(ReportText.element(worst))).append(": ").append(escape(worst.reason())).append("</p>\n"));
		if (diff.isEmpty()) {
			out.append("<p>No effective change.</p>\n");
		}
		for (Map.Entry<String, List<Change>> group : ReportText.bySubject(diff).entrySet()) {
			out.append("<h2>").append(escape(group.getKey())).append("</h2>\n<table><tr><th>Verdict</th><th>Element</th>"
					+ "<th>Reason</th><th>Source</th></tr>\n");
			for (Change change : group.getValue()) {
				out.append("<tr><td>").append(verdict(change.verdict())).append("</td><td>")
						.append(escape(ReportText.element(change))).append("</td><td>").append(escape(change.reason()))
						.append("</td><td class=\"src\">").append(escape(ReportText.locations(change))).append("</td></tr>\n");
			}
			out.append("</table>\n");
		}
		return out.append("</body></html>\n").toString();
	}

	private static String verdict(Verdict verdict) {
		return "<span class=\"v " + verdict.word() + "\">" + verdict.name() + "</span>";
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
			case '<' -> out.append("&lt;");
			case '>' -> out.append("&gt;");
			case '&' -> out.append("&amp;");
			case '"' -> out.append("&quot;");
			case '\'' -> out.append("&#39;");
			default -> out.append(c);
			}
		}
		return out.toString();
	}
}
