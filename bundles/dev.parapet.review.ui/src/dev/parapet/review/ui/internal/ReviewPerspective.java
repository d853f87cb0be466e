// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Review: the fleet on the left, compare editors in the middle, pending changes below. */
public final class ReviewPerspective implements IPerspectiveFactory {

	public static final String ID = "dev.parapet.review.ui.reviewPerspective";

	/** The fleet navigator of dev.parapet.ui (referenced by id: the review does not depend on the workbench bundle). */
	static final String FLEET_NAVIGATOR = "dev.parapet.ui.fleetNavigator";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editors);
		left.addView(FLEET_NAVIGATOR);
		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.62f, editors);
		bottom.addView(PendingChangesView.ID);
		layout.addShowViewShortcut(PendingChangesView.ID);
	}
}
