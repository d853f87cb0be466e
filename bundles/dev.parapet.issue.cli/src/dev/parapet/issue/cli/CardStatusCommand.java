// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import dev.parapet.card.CardSession;
import dev.parapet.card.piv.CardStatus;
import dev.parapet.issue.CardIdentity;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parapet card status}: what the card says and what the registry knows about it. */
@Command(name = "status", description = "Show the card in the reader: UID, serial, tries left, GUID, registry state.")
final class CardStatusCommand extends VerbCommand {

    @Mixin
    ReaderOption reader;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    CardStatusCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        try (CardSession s = reader.connect(); Registry r = station.open(context)) {
            CardIdentity id = CardIdentity.read(s);
            String guid = id.chuid().map(c -> c.guid().toString()).orElse("");
            String state = guid.isEmpty() ? "blank" : r.card(guid).map(CardRecord::state).map(Enum::name).orElse("unknown");
            String holder = guid.isEmpty() ? "" : r.card(guid).map(CardRecord::holderId).orElse("");
            CardStatus st = id.status().orElse(null);
            if (json) {
                context.out().println("{\"reader\":" + json(s.reader()) + ",\"uid\":" + json(id.uidHex()) + ",\"serial\":"
                        + json(id.serialHex()) + ",\"guid\":" + json(guid) + ",\"state\":" + json(state) + ",\"holder\":"
                        + json(holder) + (st == null ? "" : ",\"pinTries\":" + st.pinTries() + ",\"pukTries\":" + st.pukTries()
                                + ",\"managementKeyTries\":" + st.managementKeyTries()) + "}");
            } else {
                context.out().println("reader   " + s.reader());
                context.out().println("uid      " + id.uidHex());
                context.out().println("serial   " + id.serialHex());
                context.out().println("guid     " + guid);
                context.out().println("state    " + state + (holder.isEmpty() ? "" : " (holder " + holder + ")"));
                if (st != null) {
                    context.out().println("tries    PIN " + st.pinTries() + ", PUK " + st.pukTries() + ", management key "
                            + st.managementKeyTries());
                }
            }
        }
        return CommandContext.OK;
    }
}
