// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Runs the registry's Flyway migrations. Scripts are served by a resource provider reading this bundle's
 * own resources, so migration works the same on a flat class path (CLI) and under OSGi (workbench), where
 * Flyway's class-path scanning cannot see into other bundles.
 */
public final class Migrations {

    /** Held so the level stays set: Flyway's INFO lines would otherwise reach the CLI's standard error. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    /** Migration scripts in version order; add new ones at the end. */
    private static final List<String> SCRIPTS = List.of("V1__registry.sql");

    private Migrations() {
    }

    /**
     * Brings the schema up to date. When Flyway's history already records the newest script, Flyway is not
     * started at all (it costs a noticeable part of a CLI run); any doubt falls back to a full migrate.
     */
    public static void migrate(DataSource dataSource) {
        if (upToDate(dataSource)) {
            return;
        }
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        Flyway.configure(Flyway.class.getClassLoader())
                .dataSource(dataSource)
                .resourceProvider(new BundledScripts())
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    private static boolean upToDate(DataSource dataSource) {
        String newest = SCRIPTS.get(SCRIPTS.size() - 1);
        String version = newest.substring(1, newest.indexOf("__"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL")) {
            boolean found = false;
            while (r.next()) {
                if (!r.getBoolean(2)) {
                    return false;
                }
                found |= version.equals(r.getString(1));
            }
            return found;
        } catch (SQLException e) {
            return false;
        }
    }

    private static final class BundledScripts implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return SCRIPTS.contains(name) ? new Script(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> result = new ArrayList<>();
            for (String s : SCRIPTS) {
                if (s.startsWith(prefix)) {
                    for (String suffix : suffixes) {
                        if (s.endsWith(suffix)) {
                            result.add(new Script(s));
                            break;
                        }
                    }
                }
            }
            return result;
        }
    }

    private static final class Script extends LoadableResource {

        private final String name;

        Script(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            try (InputStream in = Migrations.class.getResourceAsStream("db/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("migration " + name + " missing from the registry bundle");
                }
                return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return "dev/parapet/registry/internal/db/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
