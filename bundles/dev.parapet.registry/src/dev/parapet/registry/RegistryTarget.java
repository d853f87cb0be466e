// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

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

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String toString() {
        return description;
    }
}
