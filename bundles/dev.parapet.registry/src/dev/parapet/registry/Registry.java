// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parapet.registry.internal.AuditChain;
import dev.parapet.registry.internal.Migrations;

/**
 * The issuance registry: holders, groups, cards, certificates, resumable operations, the batch queue and
 * the hash-chained, signed audit log. Every change is written in one transaction together with its audit
 * entry, so the log and the data never disagree.
 */
public final class Registry implements AutoCloseable {

    /** SQL work inside a transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, RegistryException;
    }

    private final Connection connection;
    private final AuditSigner signer;
    private final String actor;
    private final String description;

    private Registry(Connection connection, AuditSigner signer, String actor, String description) {
        this.connection = connection;
        this.signer = signer;
        this.actor = actor;
        this.description = description;
    }

    /**
     * Opens (and creates or migrates) a registry.
     *
     * @param target where it lives
     * @param signer the station key signing audit entries
     * @param actor who works at this station ("alice@station-2"), recorded in every entry
     */
    public static Registry open(RegistryTarget target, AuditSigner signer, String actor) throws RegistryException {
        try {
            Migrations.migrate(target.dataSource());
            Connection c = target.dataSource().getConnection();
            c.setAutoCommit(false);
            return new Registry(c, signer, actor, target.toString());
        } catch (SQLException | RuntimeException e) {
            throw new RegistryException("cannot open registry " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private <T> T tx(String what, Work<T> work) throws RegistryException {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | RegistryException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RegistryException r) {
                throw r;
            }
            throw new RegistryException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---------------------------------------------------------------- holders and groups

    /** Adds or updates a holder. */
    public void putHolder(Holder h) throws RegistryException {
        tx("put holder " + h.id(), c -> {
            boolean exists = holder(c, h.id()).isPresent();
            if (exists) {
                update(c, "UPDATE holders SET name = ?, email = ? WHERE id = ?", h.name(), h.email(), h.id());
            } else {
                update(c, "INSERT INTO holders (id, name, email, created_at) VALUES (?, ?, ?, ?)", h.id(), h.name(),
                        h.email(), now());
            }
            append(c, exists ? "holder.update" : "holder.add", "", Map.of("holder", h.id(), "name", h.name()));
            return null;
        });
    }

    /** @return the holder with this id */
    public Optional<Holder> holder(String id) throws RegistryException {
        return tx("read holder", c -> holder(c, id));
    }

    static Optional<Holder> holder(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, email FROM holders WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Holder(r.getString(1), r.getString(2), nz(r.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /** @return all holders by id */
    public List<Holder> holders() throws RegistryException {
        return tx("list holders", c -> {
            List<Holder> l = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, email FROM holders ORDER BY id");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    l.add(new Holder(r.getString(1), r.getString(2), nz(r.getString(3))));
                }
            }
            return l;
        });
    }

    /** Makes a holder a member of a group (idempotent). */
    public void addToGroup(String group, String holderId) throws RegistryException {
        tx("add to group", c -> {
            if (holder(c, holderId).isEmpty()) {
                throw new RegistryException("no holder \"" + holderId + "\"");
            }
            if (strings(c, "SELECT holder_id FROM group_members WHERE group_name = ? AND holder_id = ?", group,
                    holderId).isEmpty()) {
                update(c, "INSERT INTO group_members (group_name, holder_id) VALUES (?, ?)", group, holderId);
                append(c, "group.add", "", Map.of("group", group, "holder", holderId));
            }
            return null;
        });
    }

    /** Removes a holder from a group. */
    public void removeFromGroup(String group, String holderId) throws RegistryException {
        tx("remove from group", c -> {
            if (update(c, "DELETE FROM group_members WHERE group_name = ? AND holder_id = ?", group, holderId) > 0) {
                append(c, "group.remove", "", Map.of("group", group, "holder", holderId));
            }
            return null;
        });
    }

    /** @return holder ids in a group, sorted */
    public List<String> groupMembers(String group) throws RegistryException {
        return tx("read group", c -> strings(c,
                "SELECT holder_id FROM group_members WHERE group_name = ? ORDER BY holder_id", group));
    }

    /** @return all group names, sorted */
    public List<String> groups() throws RegistryException {
        return tx("list groups", c -> strings(c, "SELECT DISTINCT group_name FROM group_members ORDER BY group_name"));
    }

    /**
     * Key-management (9D) certificates of the issued cards of a group's members: what image baking wraps
     * storage keys to.
     *
     * @return holder id to DER certificates (several when a holder has several cards)
     */
    public Map<String, List<byte[]>> keyManagementCertificates(String group) throws RegistryException {
        return tx("read group keys", c -> {
            Map<String, List<byte[]>> m = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT g.holder_id, t.der_base64 FROM group_members g"
                    + " JOIN cards k ON k.holder_id = g.holder_id JOIN certificates t ON t.card_guid = k.guid"
                    + " WHERE g.group_name = ? AND k.state = 'ISSUED' AND t.slot = '9d' AND t.state = 'ACTIVE'"
                    + " ORDER BY g.holder_id, t.serial")) {
                s.setString(1, group);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        m.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                                .add(Base64.getDecoder().decode(r.getString(2)));
                    }
                }
            }
            return m;
        });
    }

    // ---------------------------------------------------------------- cards and operations

    /**
     * Starts a card operation. For "issue" the card row is created in state INCOMPLETE; for other kinds the
     * card must exist.
     *
     * @return the operation id
     */
    public long beginOperation(String kind, CardRecord card, Map<String, String> detail) throws RegistryException {
        return tx("begin " + kind, c -> {
            Optional<CardRecord> existing = card(c, card.guid());
            if (kind.equals("issue")) {
                if (existing.isPresent()) {
                    throw new RegistryException("card " + card.guid() + " is already registered");
                }
                if (holder(c, card.holderId()).isEmpty()) {
                    throw new RegistryException("no holder \"" + card.holderId() + "\"");
                }
                String t = now();
                update(c, "INSERT INTO cards (guid, uid, serial, holder_id, profile, state, replaces, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", card.guid(), card.uid(), card.serial(),
                        card.holderId(), card.profile(), CardState.INCOMPLETE.name(), card.replaces(), t, t);
            } else if (existing.isEmpty()) {
                throw new RegistryException("card " + card.guid() + " is not registered");
            }
            String t = now();
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO operations (card_guid, kind, state, step,"
                    + " started_at, updated_at) VALUES (?, ?, 'RUNNING', 'begin', ?, ?)", new String[] { "id" })) {
                s.setString(1, card.guid());
                s.setString(2, kind);
                s.setString(3, t);
                s.setString(4, t);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            Map<String, String> d = new HashMap<>(detail);
            d.put("operation", Long.toString(id));
            d.put("holder", card.holderId());
            d.put("profile", card.profile());
            append(c, kind + ".begin", card.guid(), d);
            return id;
        });
    }

    /** Records that an operation reached a step (so an interruption can be resumed from there). */
    public void step(long operation, String step) throws RegistryException {
        tx("record step", c -> {
            update(c, "UPDATE operations SET step = ?, updated_at = ? WHERE id = ? AND state = 'RUNNING'", step, now(),
                    operation);
            return null;
        });
    }

    /**
     * Completes an operation: sets the card's state and appends the audit entry, atomically.
     */
    public void completeOperation(long operation, CardState cardState, Map<String, String> detail)
            throws RegistryException {
        tx("complete operation", c -> {
            OperationRecord op = operation(c, operation)
                    .orElseThrow(() -> new RegistryException("no operation " + operation));
            if (!op.unfinished()) {
                throw new RegistryException("operation " + operation + " is already " + op.state());
            }
            update(c, "UPDATE operations SET state = 'COMPLETED', step = 'done', updated_at = ? WHERE id = ?", now(),
                    operation);
            update(c, "UPDATE cards SET state = ?, updated_at = ? WHERE guid = ?", cardState.name(), now(),
                    op.cardGuid());
            Map<String, String> d = new HashMap<>(detail);
            d.put("operation", Long.toString(operation));
            d.put("state", cardState.name());
            append(c, op.kind() + ".complete", op.cardGuid(), d);
            return null;
        });
    }

    /** Marks an operation failed at its current step (resumable), with a reason free of secrets. */
    public void failOperation(long operation, String reason) throws RegistryException {
        tx("fail operation", c -> {
            OperationRecord op = operation(c, operation)
                    .orElseThrow(() -> new RegistryException("no operation " + operation));
            update(c, "UPDATE operations SET state = 'FAILED', detail = ?, updated_at = ? WHERE id = ?",
                    truncate(reason, 1000), now(), operation);
            append(c, op.kind() + ".failed", op.cardGuid(), Map.of("operation", Long.toString(operation), "step",
                    op.step(), "reason", truncate(reason.replace('\n', ' '), 500)));
            return null;
        });
    }

    /**
     * Rolls an operation back: marks it ROLLED_BACK and, for an issuance that never completed, revokes the
     * certificates already signed for the card and marks the card RESET (nothing of it is trusted).
     */
    public void rollBackOperation(long operation, String reason) throws RegistryException {
        tx("roll back operation", c -> {
            OperationRecord op = operation(c, operation)
                    .orElseThrow(() -> new RegistryException("no operation " + operation));
            update(c, "UPDATE operations SET state = 'ROLLED_BACK', detail = ?, updated_at = ? WHERE id = ?",
                    truncate(reason, 1000), now(), operation);
            if (op.kind().equals("issue")) {
                // Certificates the CA signed stay on record, revoked: nothing signed is ever forgotten.
                String t = now();
                for (String serial : strings(c, "SELECT serial FROM certificates WHERE card_guid = ? AND state = 'ACTIVE'",
                        op.cardGuid())) {
                    update(c, "UPDATE certificates SET state = 'REVOKED', revoked_at = ?, reason = ? WHERE serial = ?", t,
                            "cessationOfOperation", serial);
                    append(c, "certificate.revoke", op.cardGuid(), Map.of("serial", serial, "reason",
                            "cessationOfOperation"));
                }
                update(c, "UPDATE cards SET state = ?, updated_at = ? WHERE guid = ?", CardState.RESET.name(), t,
                        op.cardGuid());
            }
            append(c, op.kind() + ".rollback", op.cardGuid(), Map.of("operation", Long.toString(operation), "step",
                    op.step(), "reason", truncate(reason.replace('\n', ' '), 500)));
            return null;
        });
    }

    /** @return the operation with this id */
    public Optional<OperationRecord> operation(long id) throws RegistryException {
        return tx("read operation", c -> operation(c, id));
    }

    private static Optional<OperationRecord> operation(Connection c, long id) throws SQLException {
        List<OperationRecord> l = operations(c, "WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** @return operations that are RUNNING or FAILED (to resume or roll back), oldest first */
    public List<OperationRecord> unfinishedOperations() throws RegistryException {
        return tx("list operations", c -> operations(c, "WHERE state IN ('RUNNING', 'FAILED') ORDER BY id"));
    }

    private static List<OperationRecord> operations(Connection c, String where, Object... args) throws SQLException {
        List<OperationRecord> l = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, card_guid, kind, state, step, detail FROM operations " + where)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    l.add(new OperationRecord(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), nz(r.getString(6))));
                }
            }
        }
        return l;
    }

    /** @return the card with this GUID */
    public Optional<CardRecord> card(String guid) throws RegistryException {
        return tx("read card", c -> card(c, guid));
    }

    private static Optional<CardRecord> card(Connection c, String guid) throws SQLException {
        List<CardRecord> l = cards(c, "WHERE guid = ?", guid);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** @return cards with this UID, newest first */
    public List<CardRecord> cardsByUid(String uidHex) throws RegistryException {
        return tx("find card", c -> cards(c, "WHERE uid = ? ORDER BY created_at DESC", uidHex));
    }

    /**
     * Searches cards.
     *
     * @param text matched against GUID, UID, serial, holder id and profile (case-insensitive), empty = all
     * @param state only cards in this state, or null for all
     */
    public List<CardRecord> cards(String text, CardState state) throws RegistryException {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT) + "%";
        return tx("search cards", c -> cards(c, "WHERE (LOWER(guid) LIKE ? OR LOWER(COALESCE(uid, '')) LIKE ?"
                + " OR LOWER(COALESCE(serial, '')) LIKE ? OR LOWER(holder_id) LIKE ? OR LOWER(profile) LIKE ?)"
                + " AND (? = '' OR state = ?) ORDER BY created_at, guid", like, like, like, like, like,
                state == null ? "" : state.name(), state == null ? "" : state.name()));
    }

    static List<CardRecord> cards(Connection c, String where, Object... args) throws SQLException {
        List<CardRecord> l = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT guid, uid, serial, holder_id, profile, state, replaces,"
                + " created_at, updated_at FROM cards " + where)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    l.add(new CardRecord(r.getString(1), nz(r.getString(2)), nz(r.getString(3)), r.getString(4),
                            r.getString(5), CardState.valueOf(r.getString(6)), nz(r.getString(7)), r.getString(8),
                            r.getString(9)));
                }
            }
        }
        return l;
    }

    /** Changes a card's state outside an operation (suspend, resume) with an audit entry. */
    public void setCardState(String guid, CardState state, String action, Map<String, String> detail)
            throws RegistryException {
        tx(action, c -> {
            if (update(c, "UPDATE cards SET state = ?, updated_at = ? WHERE guid = ?", state.name(), now(), guid) != 1) {
                throw new RegistryException("card " + guid + " is not registered");
            }
            Map<String, String> d = new HashMap<>(detail);
            d.put("state", state.name());
            append(c, action, guid, d);
            return null;
        });
    }

    // ---------------------------------------------------------------- certificates

    /** Records a certificate written to a card. */
    public void addCertificate(CertificateRecord cert) throws RegistryException {
        tx("add certificate", c -> {
            update(c, "INSERT INTO certificates (serial, card_guid, slot, subject, not_before, not_after, der_base64,"
                    + " state) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE')", cert.serial(), cert.cardGuid(), cert.slot(),
                    cert.subject(), cert.notBefore(), cert.notAfter(), Base64.getEncoder().encodeToString(cert.der()));
            append(c, "certificate.add", cert.cardGuid(), Map.of("serial", cert.serial(), "slot", cert.slot(),
                    "subject", cert.subject(), "notAfter", cert.notAfter()));
            return null;
        });
    }

    /** @return the certificates of a card */
    public List<CertificateRecord> certificates(String cardGuid) throws RegistryException {
        return tx("read certificates", c -> certificates(c, "WHERE card_guid = ? ORDER BY slot, serial", cardGuid));
    }

    /** @return every revoked certificate (for the CRL) */
    public List<CertificateRecord> revokedCertificates() throws RegistryException {
        return tx("read revoked", c -> certificates(c, "WHERE state = 'REVOKED' ORDER BY serial"));
    }

    static List<CertificateRecord> certificates(Connection c, String where, Object... args)
            throws SQLException {
        List<CertificateRecord> l = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT serial, card_guid, slot, subject, not_before, not_after,"
                + " der_base64, state, revoked_at, reason FROM certificates " + where)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    l.add(new CertificateRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), Base64.getDecoder().decode(r.getString(7)),
                            r.getString(8).equals("REVOKED"), nz(r.getString(9)), nz(r.getString(10))));
                }
            }
        }
        return l;
    }

    /**
     * Revokes all active certificates of a card, optionally only those of one slot.
     *
     * @param slot "9a".. or empty for all
     * @param reason RFC 5280 reason name
     * @return serials revoked
     */
    public List<String> revokeCertificates(String cardGuid, String slot, String reason) throws RegistryException {
        return tx("revoke certificates", c -> {
            List<String> serials = strings(c, "SELECT serial FROM certificates WHERE card_guid = ? AND state = 'ACTIVE'"
                    + " AND (? = '' OR slot = ?) ORDER BY serial", cardGuid, slot, slot);
            String t = now();
            for (String s : serials) {
                update(c, "UPDATE certificates SET state = 'REVOKED', revoked_at = ?, reason = ? WHERE serial = ?", t,
                        reason, s);
                append(c, "certificate.revoke", cardGuid, Map.of("serial", s, "reason", reason));
            }
            return serials;
        });
    }

    /** @return the next CRL number for an issuer (monotonic, persisted) */
    public long nextCrlNumber(String issuer) throws RegistryException {
        return tx("next CRL number", c -> {
            List<String> cur = strings(c, "SELECT last_number FROM crl_numbers WHERE issuer = ?", issuer);
            long next = cur.isEmpty() ? 1 : Long.parseLong(cur.get(0)) + 1;
            if (cur.isEmpty()) {
                update(c, "INSERT INTO crl_numbers (issuer, last_number) VALUES (?, ?)", issuer, next);
            } else {
                update(c, "UPDATE crl_numbers SET last_number = ? WHERE issuer = ?", next, issuer);
            }
            append(c, "crl.issue", "", Map.of("issuer", issuer, "number", Long.toString(next)));
            return next;
        });
    }

    // ---------------------------------------------------------------- batch queue

    /** Adds a holder to a batch; returns the entry id. */
    public long enqueue(String batch, String holderId, String profile) throws RegistryException {
        return tx("enqueue", c -> {
            if (holder(c, holderId).isEmpty()) {
                throw new RegistryException("no holder \"" + holderId + "\"");
            }
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO issuance_queue (batch, holder_id, profile, state)"
                    + " VALUES (?, ?, ?, 'PENDING')", new String[] { "id" })) {
                bind(s, batch, holderId, profile);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            append(c, "queue.add", "", Map.of("batch", batch, "holder", holderId, "profile", profile));
            return id;
        });
    }

    /** @return a batch's entries in order */
    public List<QueueEntry> queue(String batch) throws RegistryException {
        return tx("read queue", c -> {
            List<QueueEntry> l = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, batch, holder_id, profile, state, card_guid, error"
                    + " FROM issuance_queue WHERE batch = ? ORDER BY id")) {
                s.setString(1, batch);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        l.add(new QueueEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), nz(r.getString(6)), nz(r.getString(7))));
                    }
                }
            }
            return l;
        });
    }

    /** Marks a queue entry done (card issued) or failed (kept PENDING-able: failed entries are retried). */
    public void finishQueueEntry(long id, boolean done, String cardGuid, String error) throws RegistryException {
        tx("update queue", c -> {
            update(c, "UPDATE issuance_queue SET state = ?, card_guid = ?, error = ? WHERE id = ?",
                    done ? "DONE" : "FAILED", cardGuid, truncate(error, 1000), id);
            return null;
        });
    }

    // ---------------------------------------------------------------- audit

    /** Appends an audit entry for an action that changes nothing else in the registry (unblock, PIN change). */
    public void audit(String action, String cardGuid, Map<String, String> detail) throws RegistryException {
        tx("audit", c -> {
            append(c, action, cardGuid, detail);
            return null;
        });
    }

    private void append(Connection c, String action, String cardGuid, Map<String, String> detail)
            throws SQLException, RegistryException {
        String det = AuditChain.detail(detail);
        long seq;
        String prev;
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new RegistryException("audit head row missing: the registry schema is damaged");
            }
            seq = r.getLong(1) + 1;
            prev = r.getString(2);
        }
        String at = now();
        String hash = AuditChain.hash(prev, seq, at, actor, cardGuid, action, det);
        String sig;
        try {
            sig = Base64.getEncoder().encodeToString(signer.sign(HexFormat.of().parseHex(hash)));
        } catch (GeneralSecurityException e) {
            throw new RegistryException("cannot sign the audit entry with the station key", e);
        }
        update(c, "INSERT INTO audit_log (seq, at, actor, card_guid, action, detail, prev_hash, hash, key_id, signature)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at, actor, cardGuid, action, det, prev, hash,
                signer.keyId(), sig);
        update(c, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
    }

    /**
     * @param cardGuid only entries of this card, or empty for all
     * @return audit entries in chain order
     */
    public List<AuditEntry> auditEntries(String cardGuid) throws RegistryException {
        return tx("read audit log", c -> {
            List<AuditEntry> l = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, card_guid, action, detail, prev_hash,"
                    + " hash, key_id, signature FROM audit_log WHERE (? = '' OR card_guid = ?) ORDER BY seq")) {
                bind(s, cardGuid, cardGuid);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        l.add(new AuditEntry(r.getLong(1), r.getString(2), r.getString(3), nz(r.getString(4)),
                                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                                r.getString(10)));
                    }
                }
            }
            return l;
        });
    }

    /**
     * Checks the whole chain: every entry's content against its hash, the links between entries (a removed
     * or reordered entry breaks them), the head row, and each signature against the trusted station keys.
     *
     * @param trusted public keys of the stations allowed to write the log
     */
    public AuditVerification verifyAudit(Collection<PublicKey> trusted) throws RegistryException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (PublicKey k : trusted) {
            keys.put(AuditSigner.keyId(k), k);
        }
        List<AuditEntry> entries = auditEntries("");
        List<String> problems = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expectedSeq) {
                problems.add("entry " + expectedSeq + (e.seq() > expectedSeq + 1 ? " to " + (e.seq() - 1) : "")
                        + ": missing (removed or renumbered)");
            }
            if (!e.prevHash().equals(prev)) {
                problems.add("entry " + e.seq() + ": does not follow the previous entry (removed or reordered)");
            }
            String h = AuditChain.hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.cardGuid(), e.action(), e.detail());
            if (!h.equals(e.hash())) {
                problems.add("entry " + e.seq() + ": edited (hash does not match its content)");
            }
            PublicKey k = keys.get(e.keyId());
            if (k == null) {
                problems.add("entry " + e.seq() + ": signed by unknown key " + e.keyId());
            } else if (!signatureValid(k, e)) {
                problems.add("entry " + e.seq() + ": signature invalid");
            }
            prev = e.hash();
            expectedSeq = e.seq() + 1;
        }
        String head = tx("read audit head", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                    ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) + " " + r.getString(2) : "";
            }
        });
        String expectedHead = (expectedSeq - 1) + " " + prev;
        if (!head.equals(expectedHead)) {
            problems.add("head: the log ends at " + expectedHead + " but the head records " + head
                    + " (newest entries removed?)");
        }
        return new AuditVerification(entries.size(), prev, problems);
    }

    private static boolean signatureValid(PublicKey k, AuditEntry e) {
        try {
            Signature s = Signature.getInstance(AuditSigner.algorithm(k));
            s.initVerify(k);
            s.update(HexFormat.of().parseHex(e.hash()));
            return s.verify(Base64.getDecoder().decode(e.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }

    // ---------------------------------------------------------------- JDBC helpers

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> l = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    l.add(r.getString(1));
                }
            }
        }
        return l;
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Long l) {
                s.setLong(i + 1, l);
            } else if (args[i] instanceof Integer n) {
                s.setInt(i + 1, n);
            } else {
                s.setString(i + 1, (String) args[i]);
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void close() throws RegistryException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new RegistryException("closing registry " + description + " failed", e);
        }
    }
}
