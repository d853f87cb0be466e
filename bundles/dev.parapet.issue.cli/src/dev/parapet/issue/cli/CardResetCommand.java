// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import dev.parapet.card.CardSession;
import dev.parapet.issue.CardMaintenance;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parapet card reset}: wipe a card whose PIN is blocked back to factory state. */
@Command(name = "reset", description = "Reset a card whose PIN is blocked (keys and certificates are destroyed and revoked).")
final class CardResetCommand extends VerbCommand {

    @Mixin
    ReaderOption reader;

    @Option(names = "--force", description = "reset even though the PIN is not blocked")
    boolean force;

    CardResetCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        try (Registry registry = station.open(context); CardSession s = reader.connect()) {
            new CardMaintenance(registry, force).reset(s);
        }
        context.err().println("card reset to factory state");
        return CommandContext.OK;
    }
}
