// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.security.auth.x500.X500Principal;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardSession;
import dev.parapet.card.piv.Chuid;
import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.card.piv.PivCard;
import dev.parapet.card.piv.PivSlot;
import dev.parapet.issue.internal.KeyProof;
import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.CertificateRecord;
import dev.parapet.registry.Holder;
import dev.parapet.registry.OperationRecord;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/**
 * Issues keys onto PIV cards and manages them afterwards (unblock, renew, replace, revoke, reset), recording
 * each step in the registry so that a card pulled out at any point leaves an operation that is failed and
 * resumable, never a half-recorded card.
 *
 * <p>Guards against bricking: operations that authenticate with the management key are refused when the
 * card reports fewer than {@value #MIN_MANAGEMENT_TRIES} tries left, or does not report its counter at all,
 * unless forced.
 */
public final class CardIssuer {

    /** Fewest management-key tries left at which an operation still starts without force. */
    public static final int MIN_MANAGEMENT_TRIES = 3;
    private static final byte[] FACTORY_3DES = HexFormat.of().parseHex("010203040506070801020304050607080102030405060708");
    private static final char[] FACTORY_PIN = "123456".toCharArray();
    private static final char[] FACTORY_PUK = "12345678".toCharArray();

    private final Registry registry;
    private final CertificateAuthority ca;
    private final ManagementKeyDiversifier keys;
    private final boolean force;

    /**
     * @param registry where everything is recorded
     * @param ca signs the certificates
     * @param keys derives per-card management keys
     * @param force skip the anti-bricking guards
     */
    public CardIssuer(Registry registry, CertificateAuthority ca, ManagementKeyDiversifier keys, boolean force) {
        this.registry = registry;
        this.ca = ca;
        this.keys = keys;
        this.force = force;
    }

    private static List<String> steps(CardProfile profile) {
        List<String> s = new ArrayList<>(List.of("management-key", "chuid", "pins"));
        for (SlotPlan p : profile.slots()) {
            s.add("slot-" + p.slot().id());
        }
        s.add("proven");
        return s;
    }

    private void guard(CardIdentity id) throws IssueException {
        if (force) {
            return;
        }
        if (id.status().isEmpty()) {
            throw new IssueException("the card does not report its management-key retry counter: refusing to"
                    + " authenticate (use --force if you accept the risk of blocking it)", 0, false, null);
        }
        int left = id.status().get().managementKeyTries();
        if (left < MIN_MANAGEMENT_TRIES) {
            throw new IssueException("only " + left + " management-key tries left on the card: refusing to"
                    + " authenticate (use --force to try anyway)", 0, false, null);
        }
    }

    /**
     * Issues a blank card (factory management key) to a holder.
     *
     * @param replaces GUID of the card this one replaces (revoked on success), or empty
     */
    public IssueResult issue(CardSession session, Holder holder, CardProfile profile, PinSource pins, String replaces,
            IssueListener listener) throws IssueException {
        long start = System.nanoTime();
        CardIdentity id = CardLookup.identify(session);
        guard(id);
        if (id.status().isPresent() && id.status().get().managementKeyAlgorithm() != ManagementKeyAlgorithm.TDES) {
            throw new IssueException("the card is not blank (management key is not the factory key): resume its"
                    + " issuance, or reset it first", 0, false, null);
        }
        UUID guid = UUID.randomUUID();
        long op;
        try {
            Map<String, String> detail = new HashMap<>();
            detail.put("reader", session.reader());
            detail.put("uid", id.uidHex());
            op = registry.beginOperation("issue", new CardRecord(guid.toString(), id.uidHex(), id.serialHex(),
                    holder.id(), profile.name(), CardState.INCOMPLETE, replaces, "", ""), detail);
        } catch (RegistryException e) {
            throw new IssueException(e.getMessage(), 0, false, e);
        }
        return run(session, id, holder, profile, pins, guid, op, "", start, listener);
    }

    /** Continues an interrupted issuance of the card in the reader (found by its UID). */
    public IssueResult resume(CardSession session, CardProfile profile, PinSource pins, IssueListener listener)
            throws IssueException {
        long start = System.nanoTime();
        CardIdentity id = CardLookup.identify(session);
        guard(id);
        try {
            for (OperationRecord op : registry.unfinishedOperations()) {
                CardRecord card = registry.card(op.cardGuid()).orElseThrow();
                if (op.kind().equals("issue") && card.uid().equals(id.uidHex())) {
                    if (!card.profile().equals(profile.name())) {
                        throw new IssueException("the interrupted issuance used profile " + card.profile() + ", not "
                                + profile.name(), op.id(), true, null);
                    }
                    Holder holder = registry.holder(card.holderId()).orElseThrow();
                    registry.audit("issue.resume", card.guid(), Map.of("operation", Long.toString(op.id()), "step",
                            op.step()));
                    return run(session, id, holder, profile, pins, UUID.fromString(card.guid()), op.id(), op.step(),
                            start, listener);
                }
            }
        } catch (RegistryException e) {
            throw new IssueException(e.getMessage(), 0, false, e);
        }
        throw new IssueException("no interrupted issuance for the card with UID " + id.uidHex(), 0, false, null);
    }

    private IssueResult run(CardSession session, CardIdentity id, Holder holder, CardProfile profile, PinSource pins,
            UUID guid, long op, String reached, long start, IssueListener listener) throws IssueException {
        List<String> steps = steps(profile);
        int done = reached.isEmpty() || reached.equals("begin") ? 0 : steps.indexOf(reached) + 1;
        PivCard piv = id.piv();
        byte[] mgmt = null;
        char[] pin = null;
        String current = steps.get(Math.min(done, steps.size() - 1));
        Map<PivSlot, X509Certificate> certs = new EnumMap<>(PivSlot.class);
        try {
            mgmt = keys.derive(profile.managementKey(), guid, id.uid());
            if (done == 0) {
                listener.progress("setting the card's own management key", 0, steps.size());
                piv.authenticate(ManagementKeyAlgorithm.TDES, FACTORY_3DES);
                piv.setManagementKey(profile.managementKey(), mgmt);
                registry.step(op, current = steps.get(0));
                done = 1;
            }
            piv.authenticate(profile.managementKey(), mgmt);
            if (done <= 1) {
                listener.progress("writing the CHUID", 1, steps.size());
                current = steps.get(1);
                LocalDate expiry = LocalDate.now(ZoneOffset.UTC).plusDays(profile.validityDays());
                piv.putData(PivCard.TAG_CHUID, new Chuid(guid, expiry).encode());
                registry.step(op, current);
                done = 2;
            }
            if (done <= 2) {
                listener.progress("setting PIN and PUK", 2, steps.size());
                current = steps.get(2);
                piv.verifyPin(FACTORY_PIN);
                piv.setPinRetries(profile.pinTries(), profile.pukTries());
                pin = pins.newSecret("new PIN for " + holder.name(), profile.pinMinLength(), profile.pinMaxLength());
                char[] puk = pins.newSecret("new PUK for " + holder.name(), 8, 8);
                try {
                    piv.changePin(FACTORY_PIN, pin);
                    piv.changePuk(FACTORY_PUK, puk);
                } finally {
                    Arrays.fill(puk, '\0');
                }
                registry.step(op, current);
                done = 3;
            } else {
                pin = pins.existingSecret("PIN of " + holder.name());
            }
            piv.verifyPin(pin);
            String subject = subject(holder, profile);
            for (int i = 0; i < profile.slots().size(); i++) {
                SlotPlan plan = profile.slots().get(i);
                if (done > 3 + i) {
                    certs.put(plan.slot(), piv.readCertificate(plan.slot()).orElseThrow(
                            () -> new CardIoException("certificate of slot " + plan.slot().id() + " missing on resume")));
                    continue;
                }
                current = steps.get(3 + i);
                listener.progress("generating the " + plan.slot().id() + " key on the card", 3 + i, steps.size());
                registry.revokeCertificates(guid.toString(), plan.slot().id(), "superseded");
                PublicKey pub = piv.generate(plan.slot(), plan.algorithm());
                X509Certificate cert = ca.issue(pub, subject, plan.template(), profile.validityDays());
                registry.addCertificate(record(guid.toString(), plan.slot(), cert));
                piv.writeCertificate(plan.slot(), cert);
                certs.put(plan.slot(), cert);
                registry.step(op, current);
            }
            current = "proven";
            listener.progress("proving every certificate matches its on-card key", steps.size() - 1, steps.size());
            for (SlotPlan plan : profile.slots()) {
                piv.verifyPin(pin);
                KeyProof.prove(piv, plan.slot(), plan.algorithm(), certs.get(plan.slot()));
            }
            for (String g : profile.groups()) {
                registry.addToGroup(g, holder.id());
            }
            int apdus = piv.apduCount();
            long millis = (System.nanoTime() - start) / 1_000_000;
            registry.completeOperation(op, CardState.ISSUED, Map.of("apdus", Integer.toString(apdus), "millis",
                    Long.toString(millis), "slots", slotList(profile)));
            listener.progress("issued", steps.size(), steps.size());
            CardRecord record = registry.card(guid.toString()).orElseThrow();
            boolean issuance = registry.operation(op).map(o -> o.kind().equals("issue")).orElse(false);
            if (issuance && !record.replaces().isEmpty()) {
                new CardMaintenance(registry, force).revoke(record.replaces(), "superseded");
            }
            return new IssueResult(guid.toString(), id.uidHex(), certs, apdus, millis);
        } catch (CardIoException | GeneralSecurityException | RegistryException | RuntimeException e) {
            String why = "step " + current + ": " + e.getMessage();
            boolean removed = e instanceof CardIoException c && c.cardRemoved();
            try {
                registry.failOperation(op, (removed ? "card removed at " : "") + why);
            } catch (RegistryException r) {
                e.addSuppressed(r);
            }
            throw new IssueException((removed ? "card removed, issuance can be resumed: " : "issuance stopped: ") + why,
                    op, true, e);
        } finally {
            if (mgmt != null) {
                Arrays.fill(mgmt, (byte) 0);
            }
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private static String slotList(CardProfile profile) {
        StringBuilder s = new StringBuilder();
        for (SlotPlan p : profile.slots()) {
            s.append(s.length() == 0 ? "" : ",").append(p.slot().id()).append(':').append(p.algorithm().label());
        }
        return s.toString();
    }

    static String subject(Holder holder, CardProfile profile) {
        String cn = "CN=" + holder.name().replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+")
                .replace("=", "\\=");
        String dn = profile.subjectSuffix().isEmpty() ? cn : cn + "," + profile.subjectSuffix();
        return new X500Principal(dn).getName();
    }

    private static CertificateRecord record(String guid, PivSlot slot, X509Certificate cert)
            throws CertificateEncodingException {
        return new CertificateRecord(cert.getSerialNumber().toString(16), guid, slot.id(),
                cert.getSubjectX500Principal().getName(), cert.getNotBefore().toInstant().toString(),
                cert.getNotAfter().toInstant().toString(), cert.getEncoded(), false, "", "");
    }

    /** Renews an issued card: new on-card keys and certificates for every slot; old certificates superseded. */
    public IssueResult renew(CardSession session, CardProfile profile, PinSource pins, IssueListener listener)
            throws IssueException {
        long start = System.nanoTime();
        CardIdentity id = CardLookup.identify(session);
        guard(id);
        CardRecord card;
        long op;
        try {
            card = CardLookup.registered(registry, id);
            if (card.state() != CardState.ISSUED) {
                throw new IssueException("card " + card.guid() + " is " + card.state() + ", not ISSUED", 0, false, null);
            }
            op = registry.beginOperation("renew", card, Map.of("uid", id.uidHex()));
        } catch (RegistryException e) {
            throw new IssueException(e.getMessage(), 0, false, e);
        }
        Holder holder;
        try {
            holder = registry.holder(card.holderId()).orElseThrow();
        } catch (RegistryException e) {
            throw new IssueException(e.getMessage(), op, false, e);
        }
        // The card's management key and PINs stay; only the key slots are redone from the "pins" step.
        return run(session, id, holder, profile, pins, UUID.fromString(card.guid()), op, "pins", start, listener);
    }

}
