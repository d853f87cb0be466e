// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/**
 * What the registry says about a card UID: its newest card record and the holder it is bound to.
 *
 * @param card the newest card recorded with the UID
 * @param holder the card's holder
 */
public record CardStanding(CardRecord card, Holder holder) {

    /** @return whether the card may be trusted for login and key wrapping ({@link CardState#ISSUED} only) */
    public boolean usable() {
        return card.state() == CardState.ISSUED;
    }
}
