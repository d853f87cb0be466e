// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parapet export TARGET ...}: exports device policies to other hypervisors. */
@Command(name = "export", description = "Exports a device policy to another hypervisor's configuration.",
		synopsisSubcommandLabel = "TARGET")
public final class ExportCommand implements Callable<Integer> {

	private final CliContext context;

	@Spec
	private CommandSpec spec;

	public ExportCommand(CliContext context) {
		this.context = context;
	}

	/** The command with its targets, ready to register on the top-level command. */
	public static CommandLine withTargets(CliContext context) {
		return new CommandLine(new ExportCommand(context)).addSubcommand(new BitvisorExportCommand(context));
	}

	@Override
	public Integer call() {
		context.err().println("parapet export: missing target (bitvisor)");
		spec.commandLine().usage(context.err());
		return ExitCode.USAGE_OR_IO;
	}
}
