// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Registers {@code parapet card}, {@code parapet ca} and {@code parapet audit} on the CLI's command line:
 * {@code IssueCommands.register(commandLine, in, out, err, workingDirectory)}.
 */
public final class IssueCommands {

    private IssueCommands() {
    }

    /** {@code parapet card}: only dispatches. */
    @Command(name = "card", description = "Readers and PIV cards: readers, status, issue, unblock, renew, revoke, reset.",
            synopsisSubcommandLabel = "VERB")
    static final class CardGroup implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "missing card verb");
        }
    }

    /** {@code parapet ca}: only dispatches. */
    @Command(name = "ca", description = "The built-in CA: init, crl.", synopsisSubcommandLabel = "VERB")
    static final class CaGroup implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "missing ca verb");
        }
    }

    /** {@code parapet audit}: only dispatches. */
    @Command(name = "audit", description = "The issuance audit log: show, verify.", synopsisSubcommandLabel = "VERB")
    static final class AuditGroup implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "missing audit verb");
        }
    }

    /**
     * Adds the three command groups.
     *
     * @param parent the {@code parapet} command line
     */
    public static void register(CommandLine parent, InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {
        register(parent, CommandContext.of(in, out, err, workingDirectory));
    }

    /** Adds the three command groups with a given context (tests pass fixed secrets). */
    public static void register(CommandLine parent, CommandContext c) {
        CommandLine card = new CommandLine(new CardGroup());
        card.addSubcommand(new CardReadersCommand(c));
        card.addSubcommand(new CardStatusCommand(c));
        card.addSubcommand(new CardIssueCommand(c));
        card.addSubcommand(new CardUnblockCommand(c));
        card.addSubcommand(new CardRenewCommand(c));
        card.addSubcommand(new CardRevokeCommand(c));
        card.addSubcommand(new CardResetCommand(c));
        CommandLine ca = new CommandLine(new CaGroup());
        ca.addSubcommand(new CaInitCommand(c));
        ca.addSubcommand(new CaCrlCommand(c));
        CommandLine audit = new CommandLine(new AuditGroup());
        audit.addSubcommand(new AuditShowCommand(c));
        audit.addSubcommand(new AuditVerifyCommand(c));
        parent.addSubcommand(card);
        parent.addSubcommand(ca);
        parent.addSubcommand(audit);
    }

    /** Runs the commands alone (tests, and until the CLI registers them): {@code parapet-card card issue ...}. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {
        return run(args, CommandContext.of(in, out, err, workingDirectory));
    }

    /** Runs the commands alone in a given context. */
    public static int run(String[] args, CommandContext context) {
        CommandLine root = new CommandLine(new Root());
        register(root, context);
        root.setOut(new java.io.PrintWriter(context.out(), true));
        root.setErr(new java.io.PrintWriter(context.err(), true));
        return root.execute(args);
    }

    /** Root used by {@link #run}. */
    @Command(name = "parapet")
    static final class Root implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "missing verb");
        }
    }

    /** Entry point for running the card commands alone on a flat class path. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, Path.of("").toAbsolutePath()));
    }
}
