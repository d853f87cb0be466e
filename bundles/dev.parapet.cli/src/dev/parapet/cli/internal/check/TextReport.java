// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.io.PrintStream;
import java.util.List;

import dev.parapet.cli.internal.Terminal;

/**
 * One line per finding, {@code FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE} ({@code FILE: ...} for a
 * finding about a whole file or folder), the format compilers use so that editors and CI annotate
 * the source. Colours only when allowed.
 */
public final class TextReport implements FindingsReport {

	private final boolean colour;

	/**
	 * @param colour whether to use ANSI colours
	 */
	public TextReport(boolean colour) {
		this.colour = colour;
	}

	@Override
	public void write(List<String> files, List<Finding> findings, PrintStream out) {
		for (Finding finding : findings) {
			out.println(line(finding));
		}
		out.flush();
	}

	private String line(Finding finding) {
		String position = finding.line() > 0 ? ":" + finding.line() + ":" + Math.max(1, finding.column()) : "";
		String where = Terminal.style(colour, "1", finding.file() + position + ":");
		String severity = Terminal.style(colour, switch (finding.severity()) {
		case ERROR -> "1;31";
		case WARNING -> "1;33";
		case INFO -> "1;36";
		}, finding.severity().label());
		String code = finding.code() == null ? "" : " " + finding.code();
		return where + " " + severity + code + ": " + finding.message();
	}
}
