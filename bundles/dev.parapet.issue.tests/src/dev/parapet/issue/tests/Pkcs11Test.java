// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.issue.CertificateAuthority;
import dev.parapet.issue.CertificateTemplate;
import dev.parapet.issue.KeySource;
import dev.parapet.issue.ManagementKeyDiversifier;

/**
 * CA key and master management key on a PKCS#11 token (softhsm2 through the JDK's SunPKCS11): the CA signs
 * a certificate openssl accepts, and the token-held master key derives the same management keys as the same
 * key in software. A throwaway token is created and deleted with softhsm2-util.
 */
class Pkcs11Test {

    private static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String LABEL = "parapet-test-" + Long.toHexString(new SecureRandom().nextLong());
    private static long slot;

    @TempDir
    Path dir;

    @BeforeAll
    static void createToken() throws Exception {
        assumeTrue(Files.exists(MODULE), "softhsm2 not installed (apt-get install softhsm2): skipped");
        Peers.require("softhsm2-util");
        Peers.Result r = Peers.run(List.of("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin",
                "123456", "--so-pin", "12345678"));
        assertEquals(0, r.exit(), r.output());
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(r.output());
        assertTrue(m.find(), r.output());
        slot = Long.parseLong(m.group(1));
    }

    @AfterAll
    static void deleteToken() throws Exception {
        if (slot != 0) {
            Peers.run(List.of("softhsm2-util", "--delete-token", "--token", LABEL));
        }
    }

    private static KeySource token() throws Exception {
        return KeySource.pkcs11Slot(MODULE, slot, "123456".toCharArray());
    }

    @Test
    void caKeyOnTheTokenSignsCertificatesThatOpensslVerifies() throws Exception {
        KeySource source = token();
        Provider p = source.provider().orElseThrow();
        // The CA key is generated on the token and stored there with its self-signed certificate.
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", p);
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        X509Certificate caCert = CertificateAuthority.selfSigned(kp, "CN=Token CA,O=Parapet Test", 5, Optional.of(p));
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, "123456".toCharArray());
        ks.setKeyEntry(CertificateAuthority.ALIAS, kp.getPrivate(), null, new X509Certificate[] { caCert });

        CertificateAuthority ca = CertificateAuthority.load(token());
        PrivateKey onToken = token().privateKey(CertificateAuthority.ALIAS);
        assertEquals(null, onToken.getEncoded(), "the CA private key does not leave the token");
        KeyPairGenerator cardKeys = KeyPairGenerator.getInstance("EC");
        cardKeys.initialize(new ECGenParameterSpec("secp256r1"));
        X509Certificate cert = ca.issue(cardKeys.generateKeyPair().getPublic(), "CN=Ada Lovelace",
                CertificateTemplate.AUTHENTICATION, 30);
        Files.writeString(dir.resolve("ca.pem"), IssuanceTest.pem(caCert.getEncoded()));
        Files.writeString(dir.resolve("cert.pem"), IssuanceTest.pem(cert.getEncoded()));
        Peers.Result v = Peers.run(List.of("openssl", "verify", "-CAfile", dir.resolve("ca.pem").toString(),
                dir.resolve("cert.pem").toString()));
        assertEquals(0, v.exit(), v.output());
        assertTrue(cert.getSerialNumber().compareTo(BigInteger.ZERO) > 0);

        // The CLI uses the token CA when told to: the CRL verifies against the token CA's certificate.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        dev.parapet.issue.cli.CommandContext c = new dev.parapet.issue.cli.CommandContext(
                java.io.InputStream.nullInputStream(), new java.io.PrintStream(out, true), new java.io.PrintStream(out, true),
                dir, (name, prompt) -> (name.equals("PARAPET_TOKEN_PIN") ? "123456" : "station-secret").toCharArray(),
                new FixedPins("24681357", "87654321"));
        assertEquals(0, dev.parapet.issue.cli.IssueCommands.run(new String[] { "ca", "init", "--subject", "CN=File CA" }, c),
                out.toString());
        assertEquals(0, dev.parapet.issue.cli.IssueCommands.run(new String[] { "ca", "crl", "--pkcs11-module",
            MODULE.toString(), "--pkcs11-slot", Long.toString(slot) }, c), out.toString());
        Peers.Result crl = Peers.run(List.of("openssl", "crl", "-inform", "DER", "-in",
                dir.resolve(".parapet/crl/parapet-ca.crl").toString(), "-CAfile", dir.resolve("ca.pem").toString(),
                "-noout"));
        assertEquals(0, crl.exit(), crl.output());
        assertTrue(crl.output().contains("verify OK"), crl.output());
    }

    @Test
    void masterKeyOnTheTokenDerivesTheSameKeysAsInSoftware() throws Exception {
        byte[] raw = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        KeySource source = token();
        Provider p = source.provider().orElseThrow();
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, "123456".toCharArray());
        ks.setEntry("parapet-master", new KeyStore.SecretKeyEntry(new SecretKeySpec(raw, "AES")), null);
        KeySource reopened = token();
        ManagementKeyDiversifier onToken = new ManagementKeyDiversifier(reopened.secretKey("parapet-master"),
                reopened.provider());
        ManagementKeyDiversifier software = new ManagementKeyDiversifier(new SecretKeySpec(raw, "AES"), Optional.empty());
        UUID guid = UUID.randomUUID();
        byte[] uid = { 1, 2, 3, 4 };
        for (ManagementKeyAlgorithm alg : ManagementKeyAlgorithm.values()) {
            assertArrayEquals(software.derive(alg, guid, uid), onToken.derive(alg, guid, uid), alg.label());
        }
        assertTrue(Security.getProvider("SunPKCS11") != null);
    }
}
