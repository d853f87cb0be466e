// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.util.Arrays;
import java.util.Map;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardSession;
import dev.parapet.card.StatusWordException;
import dev.parapet.card.piv.CardStatus;
import dev.parapet.card.piv.PivCard;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/**
 * Card operations that need neither the CA nor the master key: unblocking the PIN, revoking a card (with or
 * without the card) and resetting a blocked card. Each is recorded in the registry's audit log.
 */
public final class CardMaintenance {

    private final Registry registry;
    private final boolean force;

    /**
     * @param registry where the operations are recorded
     * @param force allow resetting a card whose PIN still works
     */
    public CardMaintenance(Registry registry, boolean force) {
        this.registry = registry;
        this.force = force;
    }

    /** Unblocks the PIN with the PUK (both typed by the holder). */
    public void unblock(CardSession session, PinSource pins, CardProfile profile) throws IssueException {
        CardIdentity id = CardLookup.identify(session);
        char[] puk = null;
        char[] pin = null;
        try {
            CardRecord card = CardLookup.registered(registry, id);
            puk = pins.existingSecret("PUK");
            pin = pins.newSecret("new PIN", profile.pinMinLength(), profile.pinMaxLength());
            id.piv().unblockPin(puk, pin);
            registry.audit("pin.unblock", card.guid(), Map.of("uid", id.uidHex()));
        } catch (StatusWordException e) {
            try {
                registry.audit("pin.unblock.failed", id.chuid().map(c -> c.guid().toString()).orElse(""),
                        Map.of("sw", String.format("%04X", e.sw())));
            } catch (RegistryException r) {
                e.addSuppressed(r);
            }
            throw new IssueException("unblock refused: " + e.getMessage(), 0, false, e);
        } catch (CardIoException | RegistryException e) {
            throw new IssueException("unblock failed: " + e.getMessage(), 0, false, e);
        } finally {
            if (puk != null) {
                Arrays.fill(puk, '\0');
            }
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /**
     * Revokes a card: all its certificates (RFC 5280 reason) and its registry state. Works without the card.
     */
    public void revoke(String cardGuid, String reason) throws IssueException {
        try {
            registry.revokeCertificates(cardGuid, "", reason);
            registry.setCardState(cardGuid, CardState.REVOKED, "card.revoke", Map.of("reason", reason));
        } catch (RegistryException e) {
            throw new IssueException("revocation failed: " + e.getMessage(), 0, false, e);
        }
    }

    /**
     * Resets a card whose PIN is blocked: blocks the PUK too (wrong PUK tries), then the card wipes keys and
     * objects (factory state). The registry revokes its certificates and marks it RESET. Refused for a card
     * whose PIN still works unless forced.
     */
    public void reset(CardSession session) throws IssueException {
        CardIdentity id = CardLookup.identify(session);
        try {
            PivCard piv = id.piv();
            int pinLeft = piv.pinTriesLeft();
            if (pinLeft != 0 && !force) {
                throw new IssueException("the PIN is not blocked (" + pinLeft + " tries left): resetting would destroy a"
                        + " working card; use --force", 0, false, null);
            }
            String guid = id.chuid().map(c -> c.guid().toString()).orElse("");
            for (int i = 0; i < 16 && pinLeft != 0; i++) {
                pinLeft = wrongPin(piv);
            }
            int pukLeft = id.status().map(CardStatus::pukTries).orElse(15);
            for (int i = 0; i < 16 && pukLeft != 0; i++) {
                pukLeft = wrongPuk(piv);
            }
            piv.reset();
            if (!guid.isEmpty() && registry.card(guid).isPresent()) {
                registry.revokeCertificates(guid, "", "cessationOfOperation");
                registry.setCardState(guid, CardState.RESET, "card.reset", Map.of("uid", id.uidHex()));
            } else {
                registry.audit("card.reset", "", Map.of("uid", id.uidHex()));
            }
        } catch (CardIoException | RegistryException e) {
            throw new IssueException("reset failed: " + e.getMessage(), 0, false, e);
        }
    }

    private static int wrongPin(PivCard piv) throws CardIoException {
        try {
            piv.verifyPin("00000000".toCharArray());
            throw new CardIoException("the card accepted a wrong PIN while blocking it for reset");
        } catch (StatusWordException e) {
            return e.sw() == 0x6983 ? 0 : Math.max(e.triesLeft(), 0);
        }
    }

    private static int wrongPuk(PivCard piv) throws CardIoException {
        try {
            piv.unblockPin("~~~~~~~~".toCharArray(), "00000000".toCharArray());
            throw new CardIoException("the card accepted a wrong PUK while blocking it for reset");
        } catch (StatusWordException e) {
            return e.sw() == 0x6983 ? 0 : Math.max(e.triesLeft(), 0);
        }
    }
}
