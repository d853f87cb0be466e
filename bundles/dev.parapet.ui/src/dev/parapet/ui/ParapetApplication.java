// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import dev.parapet.ui.internal.FleetArguments;
import dev.parapet.ui.internal.ParapetWorkbenchAdvisor;

/**
 * The Parapet workbench ({@code dev.parapet.ui.application}). Started by {@code parapet workbench DIR},
 * which passes {@code -parapetFleet DIR}: that folder is opened as a fleet once the window is up.
 */
public final class ParapetApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		Optional<Path> fleet = FleetArguments.fleetFolder((String[]) context.getArguments()
				.getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]));
		// policy files edited outside the workbench (git pull, the CLI) show up without a manual refresh
		InstanceScope.INSTANCE.getNode(ResourcesPlugin.PI_RESOURCES).putBoolean(ResourcesPlugin.PREF_AUTO_REFRESH, true);
		Display display = PlatformUI.createDisplay();
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new ParapetWorkbenchAdvisor(fleet));
			return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
		} finally {
			display.dispose();
		}
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		Display display = workbench.getDisplay();
		display.syncExec(() -> {
			if (!display.isDisposed()) {
				workbench.close();
			}
		});
	}
}
