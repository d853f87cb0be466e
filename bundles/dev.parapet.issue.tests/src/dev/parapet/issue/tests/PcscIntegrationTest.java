// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.card.piv.PivSlot;
import dev.parapet.issue.IssueListener;
import dev.parapet.issue.IssueResult;
import dev.parapet.registry.CardState;

/**
 * Issues a card over the real stack (javax.smartcardio, pcscd, vpcd, the applet as a Type B card) and has
 * tools that were not written here check the result: OpenSC pkcs11-tool lists and signs, openssl verifies
 * the signature and the certificate chain, yubico-piv-tool reads the card. Skipped with a message when the
 * packages are absent; CI installs them.
 */
class PcscIntegrationTest {

    private static final String PIN = "24681357";
    private static final String OPENSC = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";

    @TempDir
    Path dir;

    @BeforeAll
    static void startPcsc() throws Exception {
        String missing = PcscStack.missing();
        assumeTrue(missing.isEmpty(), missing);
        for (String tool : List.of("pkcs11-tool", "openssl", "yubico-piv-tool")) {
            Peers.require(tool);
        }
        assumeTrue(Files.exists(Path.of(OPENSC)), "opensc-pkcs11 not installed");
        PcscStack.withNewCard();
    }


    @Test
    void cardIssuedOverPcscIsAcceptedByOpenscOpensslAndYubicoPivTool() throws Exception {
        IssueResult r;
        try (IssueFixture f = new IssueFixture(dir)) {
            try (CardSession s = CardReaders.system().connect(PcscStack.READER)) {
                assertEquals("0A0B0C0D", hex(s.uid().orElseThrow()), "UID from the reader (FF CA)");
                r = f.issuer(false).issue(s, f.holder, f.profile, new FixedPins(PIN, "87654321"), "", IssueListener.NONE);
            }
            assertEquals(CardState.ISSUED, f.registry.card(r.cardGuid()).orElseThrow().state());
            assertEquals("0A0B0C0D", r.uid());
            Files.writeString(dir.resolve("ca.pem"), IssuanceTest.pem(f.ca.certificate().getEncoded()));
        }

        Peers.Result list = Peers.run(List.of("pkcs11-tool", "--module", OPENSC, "-O"));
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains("Certificate for PIV Authentication"), list.output());
        assertTrue(list.output().contains("Certificate for Key Management"), list.output());
        assertTrue(list.output().contains("Public Key Object; EC"), list.output());

        Path cert = dir.resolve("9a.der");
        Peers.Result read = Peers.run(List.of("pkcs11-tool", "--module", OPENSC, "--read-object", "--type", "cert",
                "--id", "01", "--output-file", cert.toString()));
        assertEquals(0, read.exit(), read.output());
        Peers.Result verify = Peers.run(List.of("openssl", "verify", "-CAfile", dir.resolve("ca.pem").toString(),
                "-purpose", "sslclient", cert.toString()));
        assertEquals(0, verify.exit(), "openssl verifies the certificate read by OpenSC: " + verify.output());

        Path data = dir.resolve("data");
        Files.writeString(data, "challenge from the integration test " + System.nanoTime());
        Path digest = dir.resolve("digest");
        Files.write(digest, MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(data)));
        Path sig = dir.resolve("sig.der");
        Peers.Result sign = Peers.run(List.of("pkcs11-tool", "--module", OPENSC, "--login", "--pin", PIN, "--sign",
                "--id", "01", "--mechanism", "ECDSA", "--signature-format", "openssl", "--input-file",
                digest.toString(), "--output-file", sig.toString()));
        assertEquals(0, sign.exit(), sign.output());
        Path pub = dir.resolve("9a-pub.pem");
        Peers.Result key = Peers.run(List.of("openssl", "x509", "-inform", "DER", "-in", cert.toString(), "-pubkey",
                "-noout", "-out", pub.toString()));
        assertEquals(0, key.exit(), key.output());
        Peers.Result check = Peers.run(List.of("openssl", "dgst", "-sha256", "-verify", pub.toString(), "-signature",
                sig.toString(), data.toString()));
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("Verified OK"), check.output());

        Peers.Result status = Peers.run(List.of("yubico-piv-tool", "-r", PcscStack.READER, "-a", "status"));
        assertEquals(0, status.exit(), status.output());
        assertTrue(status.output().contains("Slot 9a"), status.output());
        assertTrue(status.output().contains("Slot 9d"), status.output());
        assertTrue(status.output().contains("PIN tries left:\t5"), status.output());
        assertTrue(r.certificates().containsKey(PivSlot.KEY_MANAGEMENT));
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().withUpperCase().formatHex(b);
    }
}
