// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.parapet.registry.AuditSigner;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;

/**
 * An issuing station's files in a workspace folder {@code .parapet/}: the CA ({@code ca.p12}), the master
 * management key ({@code master.p12}), the station's audit signing key ({@code station.p12}), the trusted
 * audit keys ({@code audit-keys/*.pem}) and, by default, the embedded registry ({@code registry.mv.db}).
 * Passwords come from a {@link SecretSource}: PARAPET_CA_PASSWORD, PARAPET_MASTER_PASSWORD,
 * PARAPET_STATION_PASSWORD.
 */
public final class Station {

    /** Alias of the master management key in {@code master.p12}. */
    public static final String MASTER_ALIAS = "parapet-master";
    /** Alias of the audit signing key in {@code station.p12}. */
    public static final String STATION_ALIAS = "parapet-station";

    private final Path dir;

    /** @param workspace the workspace folder (its {@code .parapet} subfolder holds the station files) */
    public Station(Path workspace) {
        this.dir = workspace.resolve(".parapet");
    }

    /** @return the folder with the station files */
    public Path folder() {
        return dir;
    }

    /** @return the embedded registry target */
    public RegistryTarget embeddedRegistry() {
        return RegistryTarget.embedded(dir.resolve("registry"));
    }

    /**
     * Creates CA, master key and station key (refuses to overwrite any of them).
     *
     * @param caSubject CA distinguished name
     * @param operator name recorded with the station key certificate
     */
    public CertificateAuthority initialize(String caSubject, String operator, SecretSource secrets)
            throws IOException, GeneralSecurityException {
        for (String f : List.of("ca.p12", "master.p12", "station.p12")) {
            if (Files.exists(dir.resolve(f))) {
                throw new IOException(dir.resolve(f) + " exists: refusing to replace station keys");
            }
        }
        Files.createDirectories(dir.resolve("audit-keys"));
        char[] caPass = secrets.secret("PARAPET_CA_PASSWORD", "new password for the CA key store");
        CertificateAuthority ca;
        try {
            ca = CertificateAuthority.createPkcs12(dir.resolve("ca.p12"), caPass, caSubject, 10);
        } finally {
            Arrays.fill(caPass, '\0');
        }
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        SecretKey master = kg.generateKey();
        KeyStore ms = KeyStore.getInstance("PKCS12");
        ms.load(null, null);
        char[] mPass = secrets.secret("PARAPET_MASTER_PASSWORD", "new password for the master management key");
        try {
            ms.setEntry(MASTER_ALIAS, new KeyStore.SecretKeyEntry(master), new KeyStore.PasswordProtection(mPass));
            store(ms, dir.resolve("master.p12"), mPass);
        } finally {
            Arrays.fill(mPass, '\0');
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        X509Certificate cert = selfSigned(kp, "CN=Parapet station " + operator.replace(",", " "));
        KeyStore ss = KeyStore.getInstance("PKCS12");
        ss.load(null, null);
        char[] sPass = secrets.secret("PARAPET_STATION_PASSWORD", "new password for the station audit key");
        try {
            ss.setKeyEntry(STATION_ALIAS, kp.getPrivate(), sPass, new X509Certificate[] { cert });
            store(ss, dir.resolve("station.p12"), sPass);
        } finally {
            Arrays.fill(sPass, '\0');
        }
        Files.writeString(dir.resolve("audit-keys").resolve(AuditSigner.keyId(kp.getPublic()) + ".pem"),
                pem("PUBLIC KEY", kp.getPublic().getEncoded()));
        return ca;
    }

    private static X509Certificate selfSigned(KeyPair kp, String dn) throws GeneralSecurityException {
        Instant now = Instant.now();
        X500Name name = X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name, kp.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the station certificate", e);
        }
    }

    private static void store(KeyStore ks, Path file, char[] password) throws IOException, GeneralSecurityException {
        Path tmp = Files.createTempFile(file.getParent(), ".ks", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** Opens the CA from {@code ca.p12}. */
    public CertificateAuthority certificateAuthority(SecretSource secrets) throws IOException, GeneralSecurityException {
        char[] p = secrets.secret("PARAPET_CA_PASSWORD", "password of the CA key store");
        KeySource ks = KeySource.pkcs12(dir.resolve("ca.p12"), p);
        Arrays.fill(p, '\0');
        try {
            return CertificateAuthority.load(ks);
        } finally {
            ks.close();
        }
    }

    /** Opens the management-key diversifier from {@code master.p12}. */
    public ManagementKeyDiversifier managementKeys(SecretSource secrets) throws IOException, GeneralSecurityException {
        char[] p = secrets.secret("PARAPET_MASTER_PASSWORD", "password of the master management key");
        KeySource ks = KeySource.pkcs12(dir.resolve("master.p12"), p);
        Arrays.fill(p, '\0');
        try {
            return new ManagementKeyDiversifier(ks.secretKey(MASTER_ALIAS), ks.provider());
        } finally {
            ks.close();
        }
    }

    /** Opens the audit signer from {@code station.p12}. */
    public AuditSigner auditSigner(SecretSource secrets) throws IOException, GeneralSecurityException {
        char[] p = secrets.secret("PARAPET_STATION_PASSWORD", "password of the station audit key");
        KeySource ks = KeySource.pkcs12(dir.resolve("station.p12"), p);
        Arrays.fill(p, '\0');
        try {
            return new AuditSigner(ks.privateKey(STATION_ALIAS), ks.certificate(STATION_ALIAS).getPublicKey());
        } finally {
            ks.close();
        }
    }

    /** @return public keys in {@code audit-keys/*.pem}: the stations trusted to write the audit log */
    public List<PublicKey> trustedAuditKeys() throws IOException, GeneralSecurityException {
        List<PublicKey> keys = new ArrayList<>();
        Path folder = dir.resolve("audit-keys");
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.pem")) {
            for (Path p : s) {
                String b64 = Files.readString(p).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                keys.add(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64))));
            }
        }
        return keys;
    }

    /** Opens the registry with this station's audit signer. */
    public Registry registry(RegistryTarget target, String actor, SecretSource secrets)
            throws RegistryException, IOException, GeneralSecurityException {
        return Registry.open(target, auditSigner(secrets), actor);
    }
}
