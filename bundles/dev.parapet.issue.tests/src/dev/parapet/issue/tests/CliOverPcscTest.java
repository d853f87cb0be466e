// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.issue.cli.CommandContext;
import dev.parapet.issue.cli.IssueCommands;

/**
 * The {@code parapet card|ca|audit} verbs end to end over pcscd + vpcd + the Type B card: station set-up,
 * readers, issuance, status, audit verification (and its failure after tampering), revocation with a CRL.
 */
class CliOverPcscTest {


    @TempDir
    Path workspace;

    @BeforeAll
    static void startPcsc() throws Exception {
        String missing = PcscStack.missing();
        assumeTrue(missing.isEmpty(), missing);
        PcscStack.withNewCard();
    }


    private record Run(int exit, String out, String err) {
    }

    private Run parapet(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext c = new CommandContext(InputStream.nullInputStream(), new PrintStream(out, true),
                new PrintStream(err, true), workspace, (name, prompt) -> ("secret-" + name).toCharArray(),
                new FixedPins("24681357", "87654321"));
        int exit = IssueCommands.run(args, c);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void operatorIssuesACardAndTheAuditLogDetectsTampering() throws Exception {
        Files.writeString(workspace.resolve("employee.cardprofile"), IssueFixture.PROFILE);
        Run init = parapet("ca", "init", "--subject", "CN=Parapet CLI CA,O=Parapet Test");
        assertEquals(0, init.exit(), init.err());

        Run readers = parapet("card", "readers", "--json");
        assertEquals(0, readers.exit(), readers.err());
        assertTrue(readers.out().contains("\"reader\":\"Virtual PCD 00 00\",\"cardPresent\":true,\"uid\":\"0A0B0C0D\",\"piv\":\"blank\""),
                readers.out());

        Run issue = parapet("card", "issue", "--reader", PcscStack.READER, "--profile", "employee.cardprofile",
                "--holder", "e1001", "--name", "Ada Lovelace");
        assertEquals(0, issue.exit(), issue.err());
        assertTrue(issue.out().startsWith("issued card "), issue.out());
        String guid = issue.out().substring("issued card ".length(), "issued card ".length() + 36);

        Run status = parapet("card", "status", "--reader", PcscStack.READER, "--json");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("\"guid\":\"" + guid + "\",\"state\":\"ISSUED\",\"holder\":\"e1001\""), status.out());
        assertTrue(status.out().contains("\"pinTries\":5"), status.out());

        Run verify = parapet("audit", "verify");
        assertEquals(0, verify.exit(), verify.out() + verify.err());

        Run show = parapet("audit", "show", "--card", guid);
        assertTrue(show.out().contains("issue.complete"), show.out());
        assertTrue(!show.out().contains("24681357") && !show.out().contains("87654321"), "no PIN/PUK in the log");

        Run revoke = parapet("card", "revoke", guid, "--reason", "keyCompromise");
        assertEquals(0, revoke.exit(), revoke.err());
        assertTrue(Files.size(workspace.resolve(".parapet/crl/parapet-ca.crl")) > 100);

        org.h2.jdbcx.JdbcDataSource raw = new org.h2.jdbcx.JdbcDataSource();
        raw.setURL("jdbc:h2:file:" + workspace.resolve(".parapet/registry"));
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET actor = 'mallory@station' WHERE seq = 3");
        }
        Run tampered = parapet("audit", "verify");
        assertEquals(1, tampered.exit());
        assertTrue(tampered.out().contains("entry 3: edited"), tampered.out());
    }
}
