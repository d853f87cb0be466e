// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Read-only look-up of cards by UID for the compiler (9A certificates of allowed cards) and image baking
 * (9D certificates that storage keys are wrapped to). Fails closed: only an {@link CardState#ISSUED} card
 * with a current, unrevoked certificate in the slot asked for is usable; anything else is an error naming
 * the card and its state. Opening never creates or migrates a registry and needs no station key.
 */
public final class CardDirectory implements AutoCloseable {

    /** Slot of the PIV authentication certificate. */
    public static final String AUTHENTICATION_SLOT = "9a";
    /** Slot of the key management certificate. */
    public static final String KEY_MANAGEMENT_SLOT = "9d";

    private final Connection connection;
    private final String description;
    private final Clock clock;

    private CardDirectory(Connection connection, String description, Clock clock) {
        this.connection = connection;
        this.description = description;
        this.clock = clock;
    }

    /** Opens a registry for reading, judging certificate validity by the system clock. */
    public static CardDirectory open(RegistryTarget target) throws RegistryException {
        return open(target, Clock.systemUTC());
    }

    /**
     * Opens a registry for reading.
     *
     * @param target an existing registry ({@link RegistryTarget#existing})
     * @param clock judges whether certificates are within their validity
     */
    public static CardDirectory open(RegistryTarget target, Clock clock) throws RegistryException {
        try {
            Connection c = target.dataSource().getConnection();
            c.setReadOnly(true);
            return new CardDirectory(c, target.toString(), clock);
        } catch (SQLException e) {
            throw new RegistryException("cannot open registry " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param uid card UID in hex as written in a policy ({@code card "4A1F09C2"}); case and colons ignored
     * @return the newest card recorded with this UID and its holder, whatever its state
     */
    public synchronized Optional<CardStanding> standing(String uid) throws RegistryException {
        String normalized = normalize(uid);
        try {
            List<CardRecord> cards = Registry.cards(connection,
                    "WHERE UPPER(REPLACE(uid, ':', '')) = ? ORDER BY created_at DESC, guid", normalized);
            if (cards.isEmpty()) {
                return Optional.empty();
            }
            CardRecord newest = cards.get(0);
            if (cards.stream().filter(c -> c.state() == CardState.ISSUED).count() > 1) {
                throw new RegistryException("card " + uid + " is recorded as issued more than once in " + description
                        + "; not used until only one record is issued");
            }
            Holder holder = Registry.holder(connection, newest.holderId())
                    .orElseThrow(() -> new RegistryException("card " + uid + ": its holder " + newest.holderId()
                            + " is missing from " + description));
            return Optional.of(new CardStanding(newest, holder));
        } catch (SQLException e) {
            throw new RegistryException("cannot read card " + uid + " from " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param uid card UID in hex; case and colons ignored
     * @return the issued card with its current 9A and 9D certificates
     * @throws RegistryException naming the card if it is unknown, not issued (suspended, revoked, incomplete,
     *         reset) or lacks a current unrevoked 9A or 9D certificate
     */
    public synchronized UsableCard usable(String uid) throws RegistryException {
        CardStanding standing = standing(uid)
                .orElseThrow(() -> new RegistryException("card " + uid + " is unknown in the registry " + description));
        CardRecord card = standing.card();
        if (!standing.usable()) {
            throw new RegistryException("card " + uid + " of holder " + standing.holder().id() + " is "
                    + card.state().name().toLowerCase(Locale.ROOT) + " in the registry " + description
                    + "; only issued cards are used");
        }
        try {
            List<CertificateRecord> certificates = Registry.certificates(connection, "WHERE card_guid = ?", card.guid());
            return new UsableCard(card, standing.holder(), current(uid, certificates, AUTHENTICATION_SLOT),
                    current(uid, certificates, KEY_MANAGEMENT_SLOT));
        } catch (SQLException e) {
            throw new RegistryException("cannot read the certificates of card " + uid + " from " + description + ": "
                    + e.getMessage(), e);
        }
    }

    private X509Certificate current(String uid, List<CertificateRecord> certificates, String slot)
            throws RegistryException {
        Instant now = clock.instant();
        Optional<CertificateRecord> newest = certificates.stream()
                .filter(c -> c.slot().equalsIgnoreCase(slot) && !c.revoked())
                .filter(c -> !Instant.parse(c.notBefore()).isAfter(now) && Instant.parse(c.notAfter()).isAfter(now))
                .max(Comparator.comparing((CertificateRecord c) -> Instant.parse(c.notBefore()))
                        .thenComparing(CertificateRecord::serial));
        CertificateRecord record = newest.orElseThrow(() -> new RegistryException("card " + uid + " has no current "
                + slot.toUpperCase(Locale.ROOT) + " certificate in the registry " + description
                + " (none recorded, all revoked or outside their validity)"));
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(record.der()));
        } catch (CertificateException e) {
            throw new RegistryException("card " + uid + ": the " + slot.toUpperCase(Locale.ROOT) + " certificate "
                    + record.serial() + " in the registry is not a valid X.509 certificate", e);
        }
    }

    private static String normalize(String uid) {
        return uid.replace(":", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() throws RegistryException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new RegistryException("cannot close registry " + description + ": " + e.getMessage(), e);
        }
    }
}
