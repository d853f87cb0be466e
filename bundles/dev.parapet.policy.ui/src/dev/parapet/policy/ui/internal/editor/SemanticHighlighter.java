// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;

/**
 * Lays the semantic colours over the lexical ones. The coloured ranges are document positions, so they
 * move with the text while the next parse is running and the colours do not flicker while typing.
 */
final class SemanticHighlighter implements ITextPresentationListener {

	private static final String CATEGORY = "__parapet_semantic";

	private static final class StyledPosition extends Position {
		private final TextAttribute style;

		StyledPosition(int offset, int length, TextAttribute style) {
			super(offset, length);
			this.style = style;
		}
	}

	private final ISourceViewer viewer;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private IDocument document;

	SemanticHighlighter(ISourceViewer viewer) {
		this.viewer = viewer;
	}

	void install() {
		document = viewer.getDocument();
		document.addPositionCategory(CATEGORY);
		document.addPositionUpdater(updater);
		((ITextViewerExtension4) viewer).addTextPresentationListener(this);
	}

	void uninstall() {
		((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
		if (document != null) {
			document.removePositionUpdater(updater);
			try {
				document.removePositionCategory(CATEGORY);
			} catch (BadPositionCategoryException e) {
				// the category was never added: nothing to remove
			}
		}
	}

	/** Replaces the coloured ranges; called on the UI thread for a snapshot of the current text. */
	void update(List<SemanticRegions.Region> regions) {
		if (document == null) {
			return;
		}
		try {
			document.removePositionCategory(CATEGORY);
			document.addPositionCategory(CATEGORY);
			for (SemanticRegions.Region region : regions) {
				document.addPosition(CATEGORY, new StyledPosition(region.offset(), region.length(), region.style()));
			}
		} catch (BadPositionCategoryException | BadLocationException e) {
			throw new IllegalStateException("Semantic ranges out of the document", e);
		}
		viewer.invalidateTextPresentation();
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		int start = extent.getOffset();
		int end = start + extent.getLength();
		Position[] positions;
		try {
			positions = document.getPositions(CATEGORY);
		} catch (BadPositionCategoryException e) {
			return;
		}
		for (Position position : positions) {
			if (position.isDeleted() || position.getOffset() + position.getLength() <= start
					|| position.getOffset() >= end) {
				continue;
			}
			TextAttribute style = ((StyledPosition) position).style;
			StyleRange range = new StyleRange(position.getOffset(), position.getLength(), style.getForeground(),
					style.getBackground(), style.getStyle());
			presentation.mergeStyleRange(range);
		}
	}
}
