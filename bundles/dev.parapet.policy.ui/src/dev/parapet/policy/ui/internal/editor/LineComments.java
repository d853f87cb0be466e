// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;

/**
 * Comments out or uncomments whole lines with {@code //}: if every non-blank line of the range is
 * commented, the first {@code //} of each is removed; otherwise {@code //} is put at the start of each.
 */
public final class LineComments {

	private static final String PREFIX = "//";

	private LineComments() {
	}

	/**
	 * Toggles line comments on the lines touched by {@code [offset, offset + length)} and returns the
	 * region of those lines afterwards (to select, so that toggling again works on the same lines).
	 */
	public static IRegion toggle(IDocument document, int offset, int length) throws BadLocationException {
		int first = document.getLineOfOffset(offset);
		int last = document.getLineOfOffset(offset + length);
		// a selection that ends at the start of a line does not include that line
		if (last > first && document.getLineOffset(last) == offset + length) {
			last--;
		}
		boolean allCommented = true;
		for (int line = first; line <= last; line++) {
			String text = lineText(document, line).strip();
			if (!text.isEmpty() && !text.startsWith(PREFIX)) {
				allCommented = false;
			}
		}
		for (int line = last; line >= first; line--) {
			IRegion region = document.getLineInformation(line);
			String text = lineText(document, line);
			if (allCommented) {
				int at = text.indexOf(PREFIX);
				if (at >= 0) {
					document.replace(region.getOffset() + at, PREFIX.length(), "");
				}
			} else if (!text.isBlank() || first == last) {
				document.replace(region.getOffset(), 0, PREFIX);
			}
		}
		int start = document.getLineOffset(first);
		IRegion end = document.getLineInformation(last);
		return new Region(start, end.getOffset() + end.getLength() - start);
	}

	private static String lineText(IDocument document, int line) throws BadLocationException {
		IRegion region = document.getLineInformation(line);
		return document.get(region.getOffset(), region.getLength());
	}
}
