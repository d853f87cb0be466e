// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal.navigator;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.navigator.CommonNavigator;

/** The Fleet navigator: fleets, their policy files, the devices and profiles in them, and their rules. */
public final class FleetNavigator extends CommonNavigator {

	/** View id (see plugin.xml). */
	public static final String ID = "dev.parapet.ui.fleetNavigator";

	@Override
	protected Object getInitialInput() {
		return ResourcesPlugin.getWorkspace().getRoot();
	}
}
