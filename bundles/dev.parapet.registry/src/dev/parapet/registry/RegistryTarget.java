// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the registry lives: an embedded H2 file in the workspace (default) or a shared PostgreSQL database
 * for several issuing stations. Same schema on both.
 */
public final class RegistryTarget {

    private static final String H2_SUFFIX = ".mv.db";

    private final DataSource dataSource;
    private final String description;

    private RegistryTarget(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /**
     * @param file database file without the ".mv.db" suffix (for example {@code workspace/.parapet/registry})
     * @return an embedded H2 target
     */
    public static RegistryTarget embedded(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        return new RegistryTarget(ds, "H2 " + file.toAbsolutePath() + ".mv.db");
    }

    /**
     * @param host server host
     * @param port server port
     * @param database database name
     * @param user user name
     * @param password password; copied into the driver and wiped here
     * @return a PostgreSQL target
     */
    public static RegistryTarget postgres(String host, int port, String database, String user, char[] password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { host });
        ds.setPortNumbers(new int[] { port });
        ds.setDatabaseName(database);
        ds.setUser(user);
        ds.setPassword(new String(password));
        Arrays.fill(password, '\0');
        return new RegistryTarget(ds, "PostgreSQL " + user + "@" + host + ":" + port + "/" + database);
    }

    /**
     * An existing registry named on a command line, for readers (compile, bake): never creates one.
     *
     * @param spec a workspace folder (its {@code .parapet/registry.mv.db}), an H2 file (with or without
     *        {@code .mv.db}), or a JDBC URL {@code jdbc:h2:...} or {@code jdbc:postgresql://HOST:PORT/DB?user=USER}
     * @param base folder relative paths are resolved against
     * @param password PostgreSQL password (empty for none); copied into the driver and wiped here
     * @return the target
     * @throws RegistryException if a path names no registry file
     */
    public static RegistryTarget existing(String spec, Path base, char[] password) throws RegistryException {
        try {
            if (spec.startsWith("jdbc:postgresql:")) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(spec);
                if (password.length > 0) {
                    ds.setPassword(new String(password));
                }
                return new RegistryTarget(ds, "PostgreSQL " + spec.replaceAll("\\?.*", ""));
            }
            if (spec.startsWith("jdbc:h2:")) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(spec);
                return new RegistryTarget(ds, "H2 " + spec);
            }
            if (spec.startsWith("jdbc:")) {
                throw new RegistryException("registry " + spec + ": only jdbc:h2: and jdbc:postgresql: URLs are supported");
            }
            Path file = base.resolve(spec).toAbsolutePath().normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve(".parapet").resolve("registry");
            } else if (file.getFileName().toString().endsWith(H2_SUFFIX)) {
                String name = file.getFileName().toString();
                file = file.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length()));
            }
            if (!Files.isRegularFile(file.resolveSibling(file.getFileName() + H2_SUFFIX))) {
                throw new RegistryException("no registry at " + file + H2_SUFFIX);
            }
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + file + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE");
            return new RegistryTarget(ds, "H2 " + file + H2_SUFFIX);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String toString() {
        return description;
    }
}
