// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

import dev.parapet.cli.internal.check.CheckCommand;
import dev.parapet.cli.internal.compile.CompileCommand;
import dev.parapet.cli.internal.compile.ExportCommand;
import dev.parapet.cli.internal.compile.InspectCommand;
import dev.parapet.cli.internal.compile.VerifyPolicyCommand;
import dev.parapet.cli.internal.format.FormatCommand;
import dev.parapet.cli.internal.image.BakeCommand;
import dev.parapet.cli.internal.image.VerifyImageCommand;
import dev.parapet.cli.internal.lsp.LanguageServerCommand;
import dev.parapet.cli.internal.review.DiffCommand;
import dev.parapet.cli.internal.review.GitSetupCommand;
import dev.parapet.issue.cli.IssueCommands;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParseResult;

/** Builds the {@code parapet} command with its verbs and runs it in a {@link CliContext}. */
public final class Cli {

	/** Held so that the level set on lsp4j's java.util.logging logger is not garbage-collected. */
	private static final java.util.logging.Logger LSP4J_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

	private final CliContext context;

	/**
	 * @param context the streams and working directory of this run
	 */
	public Cli(CliContext context) {
		this.context = context;
	}

	/**
	 * Sends the log output of Xtext, EMF and our bundles to standard error, warnings and worse only.
	 * Standard output carries results (and the language server protocol), so nothing may log there.
	 */
	public static void prepareLogging() {
		System.setProperty("log4j.defaultInitOverride", "true");
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		root.addAppender(new ConsoleAppender(new PatternLayout("parapet: %p %c{1}: %m%n"), ConsoleAppender.SYSTEM_ERR));
		root.setLevel(Level.WARN);
		// lsp4j logs through java.util.logging (to stderr); an editor closing the stream is no news
		LSP4J_LOG.setLevel(java.util.logging.Level.WARNING);
	}

	/**
	 * @param args the verb and its arguments
	 * @return the exit code, see {@link ExitCode}
	 */
	public int run(String... args) {
		CommandLine commandLine = new CommandLine(new ParapetCommand(context));
		commandLine.addSubcommand(new CheckCommand(context));
		commandLine.addSubcommand(new FormatCommand(context));
		commandLine.addSubcommand(new LanguageServerCommand(context));
		commandLine.addSubcommand(new CompileCommand(context));
		commandLine.addSubcommand(new InspectCommand(context));
		commandLine.addSubcommand(new VerifyPolicyCommand(context));
		commandLine.addSubcommand("export", ExportCommand.withTargets(context));
		commandLine.addSubcommand(new BakeCommand(context));
		commandLine.addSubcommand(new VerifyImageCommand(context));
		commandLine.addSubcommand(new DiffCommand(context));
		commandLine.addSubcommand(new GitSetupCommand(context));
		IssueCommands.register(commandLine, context.in(), context.out(), context.err(),
				context.workingDirectory());
		commandLine.addSubcommand(new CommandLine.HelpCommand());
		commandLine.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
		commandLine.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
		commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(context.colour() ? Ansi.ON : Ansi.OFF));
		commandLine.setExecutionExceptionHandler(this::handleFailure);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		return commandLine.execute(args);
	}

	private int handleFailure(Exception failure, CommandLine command, ParseResult parseResult) {
		String verb = command.getCommandSpec().qualifiedName();
		if (failure instanceof CliException || failure instanceof IOException) {
			context.err().println(verb + ": " + failure.getMessage());
		} else if (failure instanceof UncheckedIOException io) {
			context.err().println(verb + ": " + io.getCause().getMessage());
		} else {
			context.err().println(verb + ": internal error: " + failure);
			failure.printStackTrace(context.err());
		}
		return ExitCode.USAGE_OR_IO;
	}
}
