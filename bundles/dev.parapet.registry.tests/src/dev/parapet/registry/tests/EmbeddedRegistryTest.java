// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.tests;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.registry.RegistryTarget;

/** The registry on its default embedded H2 database file. */
class EmbeddedRegistryTest extends RegistryContractTest {

    @TempDir
    Path dir;
    private RegistryBehaviour behaviour;

    @BeforeEach
    void createRegistryFile() {
        Path file = dir.resolve("registry");
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        behaviour = new RegistryBehaviour(RegistryTarget.embedded(file), raw::getConnection);
    }

    @Override
    RegistryBehaviour behaviour() {
        return behaviour;
    }
}
