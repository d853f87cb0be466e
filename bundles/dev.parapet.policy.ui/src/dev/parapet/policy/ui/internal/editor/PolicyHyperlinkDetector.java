// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.function.Supplier;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.ui.IWorkbenchPage;

import dev.parapet.policy.ui.internal.model.ModelStructure;

/** Ctrl+click on a reference: a hyperlink to the declaration, in whichever file of the fleet it is. */
final class PolicyHyperlinkDetector implements IHyperlinkDetector {

	private final SnapshotSource snapshots;
	private final Supplier<IWorkbenchPage> page;

	PolicyHyperlinkDetector(SnapshotSource snapshots, Supplier<IWorkbenchPage> page) {
		this.snapshots = snapshots;
		this.page = page;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		return DeclarationFinder.at(snapshots.snapshotOf(viewer.getDocument().get()), region.getOffset())
				.map(link -> new IHyperlink[] { new DeclarationHyperlink(page.get(), link) }).orElse(null);
	}

	private record DeclarationHyperlink(IWorkbenchPage page, DeclarationFinder.Link link) implements IHyperlink {

		@Override
		public IRegion getHyperlinkRegion() {
			return new Region(link.reference().getOffset(), link.reference().getLength());
		}

		@Override
		public String getTypeLabel() {
			return "Open Declaration";
		}

		@Override
		public String getHyperlinkText() {
			return "Open " + ModelStructure.label(link.target());
		}

		@Override
		public void open() {
			SourceOpener.open(page, link.file(), link.targetRegion().getOffset(), link.targetRegion().getLength());
		}
	}
}
