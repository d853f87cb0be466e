// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import dev.parapet.ui.internal.navigator.FleetNavigator;

/** The Fleet perspective: navigator left, editors in the middle, outline right, problems below. */
public final class FleetPerspective implements IPerspectiveFactory {

	/** Perspective id (see plugin.xml). */
	public static final String ID = "dev.parapet.ui.fleetPerspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		layout.setEditorAreaVisible(true);
		layout.addView(FleetNavigator.ID, IPageLayout.LEFT, 0.25f, editors);
		layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.74f, editors);
		IFolderLayout bottom = layout.createFolder("dev.parapet.ui.bottom", IPageLayout.BOTTOM, 0.70f, editors);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
		layout.addShowViewShortcut(FleetNavigator.ID);
		layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
		layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
	}
}
