// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.registry.Holder;
import dev.parapet.registry.QueueEntry;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/**
 * Works through a batch queue in the registry: for each holder not yet done, waits for a blank card in the
 * reader, issues it, waits for its removal. The queue is persistent, so a batch stopped at any point (or
 * a crash) continues with the next holder not done when run again; an interrupted card is resumed.
 */
public final class BatchIssuer {

    /** Feedback to the operator. */
    public interface Operator {
        /** @param message what to do now ("insert a blank card for Ada Lovelace") */
        void tell(String message);

        /** @return PIN source for a holder (the holder types at the station) */
        PinSource pinsFor(Holder holder);
    }

    private final Registry registry;
    private final CardIssuer issuer;
    private final Map<String, CardProfile> profiles;

    /**
     * @param profiles profiles by name, as named in queue entries
     */
    public BatchIssuer(Registry registry, CardIssuer issuer, Map<String, CardProfile> profiles) {
        this.registry = registry;
        this.issuer = issuer;
        this.profiles = profiles;
    }

    /**
     * Runs the batch until every entry is done or {@code stop} says so.
     *
     * @return entries still not done
     */
    public int run(String batch, CardReaders readers, String reader, Operator operator, BooleanSupplier stop)
            throws RegistryException, CardIoException {
        for (QueueEntry e : registry.queue(batch)) {
            if (e.state().equals("DONE")) {
                continue;
            }
            if (stop.getAsBoolean()) {
                break;
            }
            Holder holder = registry.holder(e.holderId()).orElseThrow();
            CardProfile profile = profiles.get(e.profile());
            if (profile == null) {
                registry.finishQueueEntry(e.id(), false, "", "unknown profile " + e.profile());
                continue;
            }
            operator.tell("insert a card for " + holder.name() + " (" + holder.id() + ") into " + reader);
            while (!readers.waitFor(reader, true, 1000)) {
                if (stop.getAsBoolean()) {
                    return remaining(batch);
                }
            }
            try (CardSession session = readers.connect(reader)) {
                IssueResult r = e.state().equals("FAILED") && !e.cardGuid().isEmpty()
                        ? issuer.resume(session, profile, operator.pinsFor(holder), IssueListener.NONE)
                        : issuer.issue(session, holder, profile, operator.pinsFor(holder), "", IssueListener.NONE);
                registry.finishQueueEntry(e.id(), true, r.cardGuid(), "");
                operator.tell("issued card " + r.cardGuid() + " to " + holder.name() + "; remove the card");
            } catch (IssueException x) {
                String guid = x.operation() == 0 ? "" : registry.operation(x.operation()).map(o -> o.cardGuid()).orElse("");
                registry.finishQueueEntry(e.id(), false, guid, x.getMessage());
                operator.tell("not issued to " + holder.name() + ": " + x.getMessage());
            }
            while (!readers.waitFor(reader, false, 1000)) {
                if (stop.getAsBoolean()) {
                    return remaining(batch);
                }
            }
        }
        return remaining(batch);
    }

    private int remaining(String batch) throws RegistryException {
        return (int) registry.queue(batch).stream().filter(q -> !q.state().equals("DONE")).count();
    }
}
