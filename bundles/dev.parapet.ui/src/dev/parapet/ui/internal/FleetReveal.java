// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;

import dev.parapet.ui.internal.navigator.FleetNavigator;

/** Shows a freshly opened fleet: the navigator comes up with the fleet selected and expanded. */
final class FleetReveal {

	private FleetReveal() {
	}

	/** May be called from any thread. */
	static void inNavigator(IWorkbenchWindow window, IProject project) {
		window.getShell().getDisplay().asyncExec(() -> {
			IWorkbenchPage page = window.getActivePage();
			if (page == null) {
				return;
			}
			try {
				FleetNavigator navigator = (FleetNavigator) page.showView(FleetNavigator.ID);
				navigator.getCommonViewer().refresh();
				navigator.selectReveal(new StructuredSelection(project));
				navigator.getCommonViewer().expandToLevel(project, 2);
			} catch (PartInitException e) {
				org.eclipse.core.runtime.ILog.of(FleetReveal.class).log(e.getStatus());
			}
		});
	}
}
