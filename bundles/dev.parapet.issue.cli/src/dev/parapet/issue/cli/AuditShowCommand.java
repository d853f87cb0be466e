// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import dev.parapet.registry.AuditEntry;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parapet audit show}: the audit log, all or one card. */
@Command(name = "show", description = "Print the audit log (who, which card, what, when).")
final class AuditShowCommand extends VerbCommand {

    @Option(names = "--card", paramLabel = "GUID", description = "only entries of this card")
    String card = "";

    @Option(names = "--json", description = "print JSON lines")
    boolean json;

    AuditShowCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        try (Registry registry = station.open(context)) {
            for (AuditEntry e : registry.auditEntries(card)) {
                if (json) {
                    context.out().println("{\"seq\":" + e.seq() + ",\"at\":" + json(e.at()) + ",\"actor\":" + json(e.actor())
                            + ",\"card\":" + json(e.cardGuid()) + ",\"action\":" + json(e.action()) + ",\"detail\":"
                            + json(e.detail()) + ",\"hash\":" + json(e.hash()) + "}");
                } else {
                    context.out().println(e.seq() + "\t" + e.at() + "\t" + e.actor() + "\t" + e.action() + "\t"
                            + (e.cardGuid().isEmpty() ? "-" : e.cardGuid()) + "\t" + e.detail().replace('\n', ' '));
                }
            }
        }
        return CommandContext.OK;
    }
}
