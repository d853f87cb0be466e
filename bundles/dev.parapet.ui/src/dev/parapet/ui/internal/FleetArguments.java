// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

/** Reads the application arguments that {@code parapet workbench DIR} passes: {@code -parapetFleet DIR}. */
public final class FleetArguments {

	/** The option naming the fleet folder to open. */
	public static final String FLEET = "-parapetFleet";

	private FleetArguments() {
	}

	/** The fleet folder named on the command line, if any. */
	public static Optional<Path> fleetFolder(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (FLEET.equals(args[i])) {
				if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
					throw new IllegalArgumentException(FLEET + " needs a folder");
				}
				return Optional.of(Path.of(args[i + 1]));
			}
		}
		return Optional.empty();
	}
}
