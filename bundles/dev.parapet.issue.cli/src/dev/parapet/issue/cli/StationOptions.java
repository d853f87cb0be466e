// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import dev.parapet.issue.CertificateAuthority;
import dev.parapet.issue.KeySource;
import dev.parapet.issue.ManagementKeyDiversifier;
import dev.parapet.issue.Station;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;
import picocli.CommandLine.Option;

/** Options shared by the card, CA and audit commands: where the station and the registry are. */
public final class StationOptions {

    @Option(names = "--workspace", paramLabel = "DIR", description = "workspace folder holding .parapet/ (default: current directory)")
    Path workspace;

    @Option(names = "--registry", paramLabel = "URL",
            description = "shared registry postgresql://HOST:PORT/DB (password from PARAPET_REGISTRY_PASSWORD); default: embedded H2 in the workspace")
    URI registry;

    @Option(names = "--registry-user", paramLabel = "USER", description = "PostgreSQL user (default: parapet)")
    String registryUser = "parapet";

    @Option(names = "--operator", paramLabel = "NAME", description = "who is working (default: the OS user)")
    String operator = System.getProperty("user.name");

    @Option(names = "--pkcs11-module", paramLabel = "LIB",
            description = "CA key (alias parapet-ca) and master key (alias parapet-master) on this PKCS#11 module instead of ca.p12/master.p12; PIN from PARAPET_TOKEN_PIN or a prompt")
    Path pkcs11Module;

    @Option(names = "--pkcs11-slot", paramLabel = "ID", description = "slot id of the token (with --pkcs11-module)")
    long pkcs11Slot;

    private KeySource token(CommandContext c) throws IOException, GeneralSecurityException {
        return KeySource.pkcs11Slot(pkcs11Module, pkcs11Slot, c.secrets().secret("PARAPET_TOKEN_PIN",
                "PIN of the PKCS#11 token"));
    }

    CertificateAuthority ca(CommandContext c) throws IOException, GeneralSecurityException {
        return pkcs11Module == null ? station(c).certificateAuthority(c.secrets()) : CertificateAuthority.load(token(c));
    }

    ManagementKeyDiversifier masterKeys(CommandContext c) throws IOException, GeneralSecurityException {
        if (pkcs11Module == null) {
            return station(c).managementKeys(c.secrets());
        }
        KeySource t = token(c);
        return new ManagementKeyDiversifier(t.secretKey(Station.MASTER_ALIAS), t.provider());
    }

    Station station(CommandContext c) {
        return new Station(workspace == null ? c.workingDirectory() : c.workingDirectory().resolve(workspace));
    }

    RegistryTarget target(CommandContext c) {
        if (registry == null) {
            return station(c).embeddedRegistry();
        }
        if (!"postgresql".equals(registry.getScheme()) || registry.getHost() == null || registry.getPath().length() < 2) {
            throw new IllegalArgumentException("--registry must look like postgresql://HOST:PORT/DATABASE");
        }
        String pw = System.getenv("PARAPET_REGISTRY_PASSWORD");
        return RegistryTarget.postgres(registry.getHost(), registry.getPort() < 0 ? 5432 : registry.getPort(),
                registry.getPath().substring(1), registryUser, pw == null ? new char[0] : pw.toCharArray());
    }

    String actor() {
        String host = System.getenv("HOSTNAME");
        return operator + "@" + (host == null ? "station" : host);
    }

    Registry open(CommandContext c) throws RegistryException, IOException, GeneralSecurityException {
        return station(c).registry(target(c), actor(), c.secrets());
    }
}
