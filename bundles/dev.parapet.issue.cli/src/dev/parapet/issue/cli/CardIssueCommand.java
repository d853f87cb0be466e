// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.nio.file.Path;
import java.util.Map;

import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.issue.BatchIssuer;
import dev.parapet.issue.CardIssuer;
import dev.parapet.issue.CardProfile;
import dev.parapet.issue.CardProfileParser;
import dev.parapet.issue.IssueResult;
import dev.parapet.issue.PinSource;
import dev.parapet.registry.Holder;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parapet card issue}: one card for a holder, the resumption of an interrupted issuance, or a batch
 * from the registry's queue.
 */
@Command(name = "issue", description = "Issue a blank card to a holder (or --resume, or --batch).")
final class CardIssueCommand extends VerbCommand {

    @Mixin
    ReaderOption reader;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "card profile (*.cardprofile)")
    Path profile;

    @Option(names = "--holder", paramLabel = "ID", description = "holder id (created or updated with --name/--email)")
    String holder;

    @Option(names = "--name", paramLabel = "NAME", description = "holder's name (certificate CN)")
    String name;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "holder's e-mail address")
    String email = "";

    @Option(names = "--replaces", paramLabel = "GUID", description = "the card this one replaces (revoked once issued)")
    String replaces = "";

    @Option(names = "--resume", description = "continue the interrupted issuance of the card in the reader")
    boolean resume;

    @Option(names = "--batch", paramLabel = "NAME", description = "issue the registry queue NAME card after card")
    String batch;

    @Option(names = "--enqueue", description = "with --batch and --holder: add the holder to the queue and exit")
    boolean enqueue;

    @Option(names = "--force", description = "skip the anti-bricking guards (low management-key tries)")
    boolean force;

    CardIssueCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        CardProfile p = CardProfileParser.parse(context.workingDirectory().resolve(profile));
        var st = station.station(context);
        try (Registry registry = station.open(context)) {
            if (holder != null && name != null) {
                registry.putHolder(new Holder(holder, name, email));
            }
            if (batch != null && enqueue) {
                if (holder == null) {
                    throw new IllegalArgumentException("--enqueue needs --holder");
                }
                registry.enqueue(batch, holder, p.name());
                context.err().println("queued " + holder + " in batch " + batch);
                return CommandContext.OK;
            }
            CardIssuer issuer = new CardIssuer(registry, station.ca(context),
                    station.masterKeys(context), force);
            PinSource pins = context.pins();
            if (batch != null) {
                CardReaders readers = CardReaders.system();
                int left = new BatchIssuer(registry, issuer, Map.of(p.name(), p)).run(batch, readers,
                        reader.name(readers), new BatchIssuer.Operator() {
                            @Override
                            public void tell(String message) {
                                context.err().println(message);
                            }

                            @Override
                            public PinSource pinsFor(Holder h) {
                                return pins;
                            }
                        }, () -> false);
                context.err().println(left == 0 ? "batch " + batch + " complete" : left + " holders not issued yet");
                return left == 0 ? CommandContext.OK : CommandContext.FINDINGS;
            }
            try (CardSession s = reader.connect()) {
                IssueResult r;
                if (resume) {
                    r = issuer.resume(s, p, pins, this::progress);
                } else {
                    if (holder == null) {
                        throw new IllegalArgumentException("--holder is required");
                    }
                    Holder h = registry.holder(holder).orElseThrow(() -> new IllegalArgumentException(
                            "no holder " + holder + " in the registry: give --name to create it"));
                    r = issuer.issue(s, h, p, pins, replaces, this::progress);
                }
                context.out().println("issued card " + r.cardGuid() + " (UID " + r.uid() + "): " + r.certificates().size()
                        + " certificates, " + r.apdus() + " APDUs, " + r.millis() + " ms");
            }
        }
        return CommandContext.OK;
    }

    private void progress(String step, int done, int total) {
        context.err().println("[" + done + "/" + total + "] " + step);
    }
}
