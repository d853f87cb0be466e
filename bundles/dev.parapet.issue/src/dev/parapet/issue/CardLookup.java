// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardSession;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/** Finds out which card is in the reader and what the registry knows about it, as issuance errors. */
final class CardLookup {

    private CardLookup() {
    }

    static CardIdentity identify(CardSession session) throws IssueException {
        try {
            return CardIdentity.read(session);
        } catch (CardIoException e) {
            throw new IssueException(e.getMessage(), 0, false, e);
        }
    }

    static CardRecord registered(Registry registry, CardIdentity id) throws IssueException, RegistryException {
        if (id.chuid().isEmpty()) {
            throw new IssueException("the card has no CHUID: it was not issued by Parapet", 0, false, null);
        }
        String guid = id.chuid().get().guid().toString();
        return registry.card(guid).orElseThrow(
                () -> new IssueException("card " + guid + " is not in this registry", 0, false, null));
    }
}
