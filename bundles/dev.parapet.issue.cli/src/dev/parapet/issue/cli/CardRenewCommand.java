// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.nio.file.Path;

import dev.parapet.card.CardSession;
import dev.parapet.issue.CardIssuer;
import dev.parapet.issue.CardProfileParser;
import dev.parapet.issue.IssueResult;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parapet card renew}: new keys and certificates on an issued card. */
@Command(name = "renew", description = "Generate new keys and certificates on an issued card; old ones are superseded.")
final class CardRenewCommand extends VerbCommand {

    @Mixin
    ReaderOption reader;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "card profile")
    Path profile;

    @Option(names = "--force", description = "skip the anti-bricking guards")
    boolean force;

    CardRenewCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        var p = CardProfileParser.parse(context.workingDirectory().resolve(profile));
        var st = station.station(context);
        try (Registry registry = station.open(context); CardSession s = reader.connect()) {
            IssueResult r = new CardIssuer(registry, station.ca(context),
                    station.masterKeys(context), force).renew(s, p, context.pins(),
                            (step, done, total) -> context.err().println("[" + done + "/" + total + "] " + step));
            context.out().println("renewed card " + r.cardGuid() + ": " + r.certificates().size() + " certificates");
        }
        return CommandContext.OK;
    }
}
