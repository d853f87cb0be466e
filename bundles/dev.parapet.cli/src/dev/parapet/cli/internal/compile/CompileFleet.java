// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.io.IOException;
import java.nio.file.Path;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.policy.policy.Device;

/**
 * The fleet a compile verb names on its command line ({@code compile FLEET}, {@code export bitvisor
 * --fleet DIR}): loaded relative to the working directory, its devices looked up by name, and load
 * errors reported the same way by every verb.
 */
final class CompileFleet {

	private final CliContext context;
	private final Path fleet;

	/** @param fleet the folder or file as given on the command line */
	CompileFleet(CliContext context, Path fleet) {
		this.context = context;
		this.fleet = fleet;
	}

	/** Parses, links and validates the fleet; any error refuses it. */
	LoadedFleet load() throws IOException, FleetLoadException {
		return new XtextFleetSource().load(context.workingDirectory().resolve(fleet));
	}

	/** The named device; a usage error when the fleet has none of that name. */
	Device device(LoadedFleet loaded, String name) throws CliException {
		return loaded.device(name).orElseThrow(() -> new CliException("No device " + name + " in fleet " + fleet));
	}

	/** Prints each load error on stderr as FILE:LINE: MESSAGE; returns the findings exit code. */
	int refused(FleetLoadException e) {
		e.problems().forEach(context.err()::println);
		return ExitCode.FINDINGS;
	}
}
