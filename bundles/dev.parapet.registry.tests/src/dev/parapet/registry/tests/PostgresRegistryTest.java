// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

import dev.parapet.registry.RegistryTarget;

/**
 * The same registry behaviour against a real PostgreSQL server from Debian, started for this test on
 * loopback (initdb + pg_ctl into a temporary directory, trust authentication for the local test user).
 * Skipped with a message when PostgreSQL's server binaries are not installed.
 */
class PostgresRegistryTest extends RegistryContractTest {

    private static Path data;
    private static Path bin;
    private static int port;
    private static int database;
    private RegistryBehaviour behaviour;

    @BeforeAll
    static void startServer() throws Exception {
        bin = findBin();
        assumeTrue(bin != null, "PostgreSQL server binaries not installed (apt-get install postgresql): skipped");
        data = Files.createTempDirectory("parapet-pg");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(List.of("chmod", "777", data.toString()));
        run(asServerUser(bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-A", "trust",
                "-U", "parapet", "--no-sync"));
        run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-l",
                data.resolve("log").toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1",
                "start"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (data != null) {
            run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "fast",
                    "-w", "stop"));
            run(List.of("rm", "-rf", data.toString()));
        }
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        String name = "registry" + (++database);
        javax.sql.DataSource admin = source("postgres");
        try (var c = admin.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        }
        javax.sql.DataSource raw = source(name);
        behaviour = new RegistryBehaviour(RegistryTarget.postgres("127.0.0.1", port, name, "parapet", new char[0]),
                raw::getConnection);
    }

    private static PGSimpleDataSource source(String db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { "127.0.0.1" });
        ds.setPortNumbers(new int[] { port });
        ds.setDatabaseName(db);
        ds.setUser("parapet");
        return ds;
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .sorted().reduce((a, b) -> b).orElse(null);
        }
    }

    /** initdb refuses to run as root: use the postgres account when we are root. */
    private static List<String> asServerUser(String... command) {
        List<String> l = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            l.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        l.addAll(Arrays.asList(command));
        return l;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + out);
        }
    }

    @Override
    RegistryBehaviour behaviour() {
        return behaviour;
    }
}
