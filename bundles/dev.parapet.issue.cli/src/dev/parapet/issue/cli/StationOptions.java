// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

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
