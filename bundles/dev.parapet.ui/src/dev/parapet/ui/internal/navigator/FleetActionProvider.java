// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal.navigator;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.navigator.CommonActionProvider;
import org.eclipse.ui.navigator.ICommonActionConstants;
import org.eclipse.ui.navigator.ICommonActionExtensionSite;
import org.eclipse.ui.navigator.ICommonMenuConstants;
import org.eclipse.ui.navigator.ICommonViewerWorkbenchSite;

import dev.parapet.policy.ui.internal.editor.SourceOpener;

/** Open (double-click, Enter, context menu) for files and declarations in the fleet navigator. */
public final class FleetActionProvider extends CommonActionProvider {

	private OpenAction open;

	@Override
	public void init(ICommonActionExtensionSite site) {
		if (site.getViewSite() instanceof ICommonViewerWorkbenchSite workbenchSite) {
			open = new OpenAction(workbenchSite.getPage());
		}
	}

	@Override
	public void fillActionBars(IActionBars actionBars) {
		if (open != null && open.select(selection())) {
			actionBars.setGlobalActionHandler(ICommonActionConstants.OPEN, open);
		}
	}

	@Override
	public void fillContextMenu(IMenuManager menu) {
		if (open != null && open.select(selection())) {
			menu.appendToGroup(ICommonMenuConstants.GROUP_OPEN, open);
		}
	}

	private IStructuredSelection selection() {
		return (IStructuredSelection) getContext().getSelection();
	}

	/** Opens the selected file, or the file of the selected declaration with its name selected. */
	static final class OpenAction extends Action {

		private final IWorkbenchPage page;
		private Object target;

		OpenAction(IWorkbenchPage page) {
			super("&Open");
			this.page = page;
		}

		boolean select(IStructuredSelection selection) {
			Object first = selection == null || selection.size() != 1 ? null : selection.getFirstElement();
			target = first instanceof IFile || first instanceof FleetElement ? first : null;
			return target != null;
		}

		@Override
		public void run() {
			if (target instanceof FleetElement element) {
				SourceOpener.open(page, element.file(), element.offset(), element.length());
			} else if (target instanceof IFile file) {
				try {
					IDE.openEditor(page, file, true);
				} catch (PartInitException e) {
					org.eclipse.core.runtime.ILog.of(FleetActionProvider.class).log(e.getStatus());
				}
			}
		}
	}
}
