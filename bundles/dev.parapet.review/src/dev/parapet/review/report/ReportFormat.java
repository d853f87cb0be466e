// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import java.util.Locale;

/** The formats {@code parapet diff --format} writes. */
public enum ReportFormat {
	/** Terminal text; colour only when asked (a TTY without NO_COLOR). */
	TEXT,
	/** GitHub/GitLab flavoured Markdown for pull-request comments. */
	MARKDOWN,
	/** One self-contained HTML page (inline CSS, no scripts, no external resources). */
	HTML,
	/** SARIF 2.1.0, for code-review tools that show findings inline. */
	SARIF,
	/** The diff as data. */
	JSON;

	/** The writer of this format; {@code colour} matters for {@link #TEXT} only. */
	public DiffReport report(boolean colour) {
		return switch (this) {
		case TEXT -> new TextReport(colour);
		case MARKDOWN -> new MarkdownReport();
		case HTML -> new HtmlReport();
		case SARIF -> new SarifReport();
		case JSON -> new JsonReport();
		};
	}

	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}
}
