// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.util.ArrayList;
import java.util.List;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.card.ReaderState;
import dev.parapet.issue.CardIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parapet card readers}: PC/SC readers, card presence, UID and PIV state. */
@Command(name = "readers", description = "List PC/SC readers with the card in each (UID, PIV state).")
final class CardReadersCommand extends VerbCommand {

    @Option(names = "--json", description = "print JSON")
    boolean json;

    CardReadersCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws CardIoException {
        CardReaders readers = CardReaders.system();
        List<String> rows = new ArrayList<>();
        for (ReaderState r : readers.list()) {
            String uid = "";
            String piv = r.cardPresent() ? "no PIV application" : "";
            if (r.cardPresent()) {
                try (CardSession s = readers.connect(r.name())) {
                    CardIdentity id = CardIdentity.read(s);
                    uid = id.uidHex();
                    piv = id.chuid().isPresent() ? "issued, GUID " + id.chuid().get().guid() : "blank";
                } catch (CardIoException e) {
                    piv = e.getMessage();
                }
            }
            rows.add(json
                    ? "{\"reader\":" + json(r.name()) + ",\"cardPresent\":" + r.cardPresent() + ",\"uid\":" + json(uid)
                            + ",\"piv\":" + json(piv) + "}"
                    : r.name() + "\t" + (r.cardPresent() ? "card " + uid + "\t" + piv : "no card"));
        }
        if (json) {
            context.out().println("[" + String.join(",", rows) + "]");
        } else {
            rows.forEach(context.out()::println);
        }
        return CommandContext.OK;
    }
}
