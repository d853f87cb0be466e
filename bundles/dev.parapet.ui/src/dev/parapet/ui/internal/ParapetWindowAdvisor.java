// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import dev.parapet.ui.FleetWorkspace;

/** The main window: title, size, menus, and the fleet from the command line opened once it shows. */
final class ParapetWindowAdvisor extends WorkbenchWindowAdvisor {

	private final Optional<Path> fleet;

	ParapetWindowAdvisor(IWorkbenchWindowConfigurer configurer, Optional<Path> fleet) {
		super(configurer);
		this.fleet = fleet;
	}

	@Override
	public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
		return new ParapetActionBarAdvisor(configurer);
	}

	@Override
	public void preWindowOpen() {
		IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
		configurer.setInitialSize(new Point(1280, 1000));
		configurer.setShowCoolBar(false);
		configurer.setShowStatusLine(true);
		configurer.setShowProgressIndicator(true);
		configurer.setTitle(fleet.map(f -> "Parapet - " + f.toAbsolutePath()).orElse("Parapet"));
	}

	@Override
	public void postWindowOpen() {
		fleet.ifPresent(folder -> FleetWorkspace.openInBackground(folder,
				project -> FleetReveal.inNavigator(getWindowConfigurer().getWindow(), project)));
	}
}
