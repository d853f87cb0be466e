// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.parapet.ui.FleetWorkspace;

/** File &gt; Open Fleet Folder...: asks for a folder and opens it as a fleet in the background. */
public final class OpenFleetHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		DirectoryDialog dialog = new DirectoryDialog(window.getShell());
		dialog.setText("Open Fleet Folder");
		dialog.setMessage("Choose the folder that holds the fleet's .parapet files");
		String chosen = dialog.open();
		if (chosen != null) {
			FleetWorkspace.openInBackground(Path.of(chosen), project -> FleetReveal.inNavigator(window, project));
		}
		return null;
	}
}
