// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import dev.parapet.issue.CardMaintenance;
import dev.parapet.issue.CrlPublisher;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet card revoke}: revoke a card (no card needed) and publish a CRL. */
@Command(name = "revoke", description = "Revoke a card's certificates and mark it revoked; writes a new CRL.")
final class CardRevokeCommand extends VerbCommand {

    private static final Set<String> REASONS = Set.of("unspecified", "keyCompromise", "affiliationChanged", "superseded",
            "cessationOfOperation", "certificateHold");

    @Parameters(paramLabel = "GUID", description = "the card's GUID")
    String guid;

    @Option(names = "--reason", paramLabel = "REASON", description = "RFC 5280 reason: ${COMPLETION-CANDIDATES}",
            completionCandidates = Reasons.class)
    String reason = "unspecified";

    @Option(names = "--crl-dir", paramLabel = "DIR", description = "folder for the CRL (default: .parapet/crl)")
    Path crlDir;

    /** Completion candidates for --reason. */
    static final class Reasons extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Reasons() {
            super(REASONS.stream().sorted().toList());
        }
    }

    CardRevokeCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown reason " + reason + "; expected one of " + new Reasons());
        }
        var st = station.station(context);
        try (Registry registry = station.open(context)) {
            new CardMaintenance(registry, false).revoke(guid, reason);
            Path folder = crlDir == null ? st.folder().resolve("crl") : context.workingDirectory().resolve(crlDir);
            Path crl = new CrlPublisher(registry, station.ca(context)).publishCrl(folder,
                    Duration.ofDays(7));
            context.out().println("revoked " + guid + "; CRL written to " + crl);
        }
        return CommandContext.OK;
    }
}
