// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IRegion;
import org.junit.jupiter.api.Test;

import dev.parapet.policy.ui.internal.editor.LineComments;

class LineCommentsTest {

	private static final String TEXT = "device a {\n\tserial \"1\"\n\n\tusb { default deny }\n}\n";

	@Test
	void commentsOutEveryNonBlankLineTouchedBySelection() throws BadLocationException {
		Document document = new Document(TEXT);
		int from = TEXT.indexOf("serial");
		LineComments.toggle(document, from, TEXT.indexOf("usb") - from);
		assertEquals("device a {\n//\tserial \"1\"\n\n//\tusb { default deny }\n}\n", document.get());
	}

	@Test
	void uncommentsWhenEveryLineIsCommentedAndSelectsTheLines() throws BadLocationException {
		Document document = new Document("//device a {\n\t// serial \"1\"\n");
		IRegion lines = LineComments.toggle(document, 0, document.getLength());
		assertEquals("device a {\n\t serial \"1\"\n", document.get());
		assertEquals(0, lines.getOffset());
		assertEquals(document.getLength() - 1, lines.getLength());
	}

	@Test
	void aSelectionEndingAtTheStartOfALineLeavesThatLineAlone() throws BadLocationException {
		Document document = new Document(TEXT);
		LineComments.toggle(document, 0, TEXT.indexOf("\tserial"));
		assertEquals("//" + TEXT, document.get());
	}

	@Test
	void togglingTwiceRestoresTheText() throws BadLocationException {
		Document document = new Document(TEXT);
		IRegion lines = LineComments.toggle(document, 3, 20);
		LineComments.toggle(document, lines.getOffset(), lines.getLength());
		assertEquals(TEXT, document.get());
	}
}
