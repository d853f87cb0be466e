// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.util.concurrent.Callable;

import dev.parapet.card.CardIoException;
import dev.parapet.issue.IssueException;
import dev.parapet.issue.ProfileException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the card, CA and audit verbs: turns failures into one message on standard error and an exit
 * code (1 for a refused or failed card operation, 2 for usage and I/O problems).
 */
abstract class VerbCommand implements Callable<Integer> {

    protected final CommandContext context;

    @Mixin
    protected StationOptions station;

    @Spec
    protected CommandSpec spec;

    VerbCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (IssueException e) {
            context.err().println(spec.qualifiedName() + ": " + e.getMessage());
            if (e.resumable()) {
                context.err().println(spec.qualifiedName() + ": operation " + e.operation()
                        + " is recorded as incomplete; insert the card again and run 'parapet card issue --resume'");
            }
            return CommandContext.FINDINGS;
        } catch (CardIoException e) {
            context.err().println(spec.qualifiedName() + ": " + e.getMessage());
            return CommandContext.FINDINGS;
        } catch (ProfileException e) {
            context.err().println(e.getMessage());
            return CommandContext.USAGE_OR_IO;
        } catch (Exception e) {
            context.err().println(spec.qualifiedName() + ": " + e.getMessage());
            return CommandContext.USAGE_OR_IO;
        }
    }

    /** @return the exit code */
    abstract int run() throws Exception;

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            default -> {
                if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            }
        }
        return b.append('"').toString();
    }
}
