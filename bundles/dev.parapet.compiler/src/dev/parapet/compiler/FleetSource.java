// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.io.IOException;
import java.nio.file.Path;

/** Loads a fleet (a directory of .parapet files, or one file with its imports) for compiling. */
@FunctionalInterface
public interface FleetSource {

	/**
	 * @throws FleetLoadException if the files do not parse, do not validate, or hold no fleet header
	 */
	LoadedFleet load(Path fleet) throws IOException, FleetLoadException;
}
