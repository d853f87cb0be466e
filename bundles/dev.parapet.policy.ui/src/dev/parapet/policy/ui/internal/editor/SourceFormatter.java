// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

import dev.parapet.policy.ui.PolicyLanguage;

/** Formats policy text with the language's Xtext formatter (the one {@code parapet format} uses). */
public final class SourceFormatter {

	private SourceFormatter() {
	}

	/** The edits that format {@code resource}, only inside {@code region} when it is not null. */
	public static List<ITextReplacement> replacements(XtextResource resource, ITextRegion region) {
		ITextRegionAccess access = PolicyLanguage.get(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = PolicyLanguage.get(FormatterRequest.class);
		request.setTextRegionAccess(access);
		request.setAllowIdentityEdits(false);
		if (region != null) {
			request.setRegions(List.of(region));
		}
		return PolicyLanguage.get(IFormatter2.class).format(request);
	}

	/** Applies the edits to a document as one change, last edit first so that offsets stay valid. */
	public static void apply(IDocument document, List<ITextReplacement> replacements) throws BadLocationException {
		List<ITextReplacement> ordered = new ArrayList<>(replacements);
		ordered.sort(Comparator.comparingInt(ITextReplacement::getOffset).reversed());
		DocumentRewriteSession session = ((IDocumentExtension4) document)
				.startRewriteSession(DocumentRewriteSessionType.SEQUENTIAL);
		try {
			for (ITextReplacement replacement : ordered) {
				document.replace(replacement.getOffset(), replacement.getLength(), replacement.getReplacementText());
			}
		} finally {
			((IDocumentExtension4) document).stopRewriteSession(session);
		}
	}
}
