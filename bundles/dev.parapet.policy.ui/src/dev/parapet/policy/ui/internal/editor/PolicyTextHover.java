// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.ui.editors.text.EditorsUI;

import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/** Hover over a declared name or a reference: what it is and its documentation comment. */
final class PolicyTextHover implements ITextHover, ITextHoverExtension {

	private final SnapshotSource snapshots;

	PolicyTextHover(SnapshotSource snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		int start = offset;
		while (start > 0 && CodeScanner.isWordPart(text.charAt(start - 1))) {
			start--;
		}
		int end = offset;
		while (end < text.length() && CodeScanner.isWordPart(text.charAt(end))) {
			end++;
		}
		return new Region(start, end - start);
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		return hoverAt(viewer.getDocument().get(), region.getOffset()).orElse(null);
	}

	/** The hover text (HTML) for a position of a text, if something with a name is there. */
	Optional<String> hoverAt(String text, int offset) {
		PolicySnapshot snapshot = snapshots.snapshotOf(text);
		Optional<EObject> element = DeclarationFinder.namedAt(snapshot, offset);
		return element.map(HoverText::of);
	}

	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return parent -> new DefaultInformationControl(parent, EditorsUI.getTooltipAffordanceString());
	}
}
