// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;

import dev.parapet.issue.CardIssuer;
import dev.parapet.issue.Station;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/**
 * The workbench's open registry (one per workbench, opened on first use with the station password asked in
 * a dialog) and the issuer built on it.
 */
public final class StationSession {

    private static Registry registry;

    private StationSession() {
    }

    /** @return the registry, opening it on first use */
    public static synchronized Registry registry() throws RegistryException, IOException, GeneralSecurityException {
        if (registry == null) {
            Station st = Workspaces.station();
            registry = st.registry(st.embeddedRegistry(), System.getProperty("user.name") + "@workbench",
                    SecretDialog.secrets());
        }
        return registry;
    }

    /** @return an issuer with the station's CA and master key (asks for their passwords) */
    public static CardIssuer issuer(boolean force) throws RegistryException, IOException, GeneralSecurityException {
        Station st = Workspaces.station();
        return new CardIssuer(registry(), st.certificateAuthority(SecretDialog.secrets()),
                st.managementKeys(SecretDialog.secrets()), force);
    }

    /** @return the station keys trusted to sign the audit log */
    public static List<PublicKey> trustedKeys() {
        try {
            return Workspaces.station().trustedAuditKeys();
        } catch (IOException | GeneralSecurityException e) {
            return List.of();
        }
    }
}
