// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.nio.file.Path;

import dev.parapet.card.CardSession;
import dev.parapet.issue.CardMaintenance;
import dev.parapet.issue.CardProfileParser;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parapet card unblock}: new PIN with the PUK (both typed by the holder). */
@Command(name = "unblock", description = "Unblock the PIN with the PUK and set a new PIN.")
final class CardUnblockCommand extends VerbCommand {

    @Mixin
    ReaderOption reader;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "card profile (PIN length rules)")
    Path profile;

    CardUnblockCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        var p = CardProfileParser.parse(context.workingDirectory().resolve(profile));
        try (Registry registry = station.open(context); CardSession s = reader.connect()) {
            new CardMaintenance(registry, false).unblock(s, context.pins(), p);
        }
        context.err().println("PIN unblocked");
        return CommandContext.OK;
    }
}
