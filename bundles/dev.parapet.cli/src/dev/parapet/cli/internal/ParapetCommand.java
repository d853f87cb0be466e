// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code parapet} command: it only dispatches to its verbs. */
@Command(name = "parapet", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class,
		description = "Policies, images and cards for a fleet of Parapet-protected devices.",
		synopsisSubcommandLabel = "VERB",
		footer = { "", "The launcher script also knows:",
				"  parapet workbench [DIR]   opens the workbench on the fleet folder DIR",
				"", "Exit codes: 0 ok, 1 findings (invalid input, files to format), 2 usage or I/O error.",
				"Run 'parapet help VERB' for the options of a verb." })
public final class ParapetCommand implements Callable<Integer> {

	private final CliContext context;

	@Spec
	private CommandSpec spec;

	/**
	 * @param context the streams of this run
	 */
	public ParapetCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() {
		context.err().println("parapet: missing verb");
		spec.commandLine().usage(context.err());
		return ExitCode.USAGE_OR_IO;
	}
}
