// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.parapet.registry.CertificateRecord;

/**
 * Parapet's built-in CA (BouncyCastle): signs the certificates of on-card keys and issues CRLs. The CA key
 * stays where it is (PKCS#12 or PKCS#11); only signatures are requested from it.
 */
public final class CertificateAuthority {

    /** Alias of the CA key and certificate in its key store. */
    public static final String ALIAS = "parapet-ca";
    /** Microsoft smart-card logon EKU, expected by Windows and many Linux PAM setups. */
    private static final ASN1ObjectIdentifier SMARTCARD_LOGON = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.2");
    /** id-PIV-cardAuth (SP 800-73-4 / FIPS 201). */
    private static final ASN1ObjectIdentifier PIV_CARD_AUTH = new ASN1ObjectIdentifier("2.16.840.1.101.3.6.8");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Optional<Provider> provider;

    /**
     * @param key CA private key
     * @param certificate CA certificate
     * @param provider the token provider when the key is on PKCS#11
     */
    public CertificateAuthority(PrivateKey key, X509Certificate certificate, Optional<Provider> provider) {
        this.key = key;
        this.certificate = certificate;
        this.provider = provider;
    }

    /** Loads the CA from a key source (alias {@value #ALIAS}). */
    public static CertificateAuthority load(KeySource source) throws GeneralSecurityException {
        return new CertificateAuthority(source.privateKey(ALIAS), source.certificate(ALIAS), source.provider());
    }

    /**
     * Creates a new CA (P-256 key, self-signed) in a PKCS#12 file, written atomically.
     *
     * @param subject for example "CN=Parapet Card CA,O=Example"
     * @param password protects the file; not retained
     */
    public static CertificateAuthority createPkcs12(Path file, char[] password, String subject, int validityYears)
            throws GeneralSecurityException, IOException {
        if (Files.exists(file)) {
            throw new IOException(file + " exists: refusing to replace a CA");
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        X509Certificate cert = selfSigned(kp, subject, validityYears, Optional.empty());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, kp.getPrivate(), password, new X509Certificate[] { cert });
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".ca", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return new CertificateAuthority(kp.getPrivate(), cert, Optional.empty());
    }

    /**
     * A self-signed CA certificate for a key pair (software, or on a token with its provider), for a CA
     * whose key is created outside {@link #createPkcs12}.
     */
    public static X509Certificate selfSigned(KeyPair kp, String subject, int validityYears, Optional<Provider> provider)
            throws GeneralSecurityException {
        X500Name name = name(subject);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(Duration.ofDays(365L * validityYears))), name, kp.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return convert(b.build(signer(kp.getPrivate(), provider)));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the CA certificate", e);
        }
    }

    /** RFC 2253 text to a name encoded as the JDK does (most significant RDN first in DER). */
    private static X500Name name(String rfc2253) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(rfc2253).getEncoded());
    }

    /** @return the CA certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    private static BigInteger serial() {
        return new BigInteger(1, randomBytes(16));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        b[0] &= 0x7F;
        return b;
    }

    private static ContentSigner signer(PrivateKey key, Optional<Provider> provider) throws OperatorCreationException {
        String alg = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        JcaContentSignerBuilder b = new JcaContentSignerBuilder(alg);
        provider.ifPresent(b::setProvider);
        return b.build(key);
    }

    private static X509Certificate convert(X509CertificateHolder h) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(h);
    }

    /**
     * Signs a certificate for an on-card public key.
     *
     * @param subject subject DN
     * @param template decides key usage and EKU
     * @param days validity
     */
    public X509Certificate issue(PublicKey cardKey, String subject, CertificateTemplate template, int days)
            throws GeneralSecurityException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(),
                Date.from(now.minus(10, ChronoUnit.MINUTES)), Date.from(now.plus(Duration.ofDays(days))),
                name(subject), cardKey);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        boolean ec = cardKey instanceof ECPublicKey;
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(cardKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            switch (template) {
            case AUTHENTICATION -> {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_clientAuth, KeyPurposeId.getInstance(SMARTCARD_LOGON) }));
            }
            case SIGNATURE -> {
                b.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            }
            case KEY_MANAGEMENT -> b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(ec ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment));
            case CARD_AUTHENTICATION -> {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.getInstance(PIV_CARD_AUTH)));
            }
            default -> throw new IllegalArgumentException(template.toString());
            }
            X509Certificate cert = convert(b.build(signer(key, provider)));
            cert.verify(certificate.getPublicKey());
            return cert;
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the certificate for " + subject, e);
        }
    }

    /**
     * Builds a CRL over the revoked certificates.
     *
     * @param number CRL number (monotonic, from the registry)
     * @param nextUpdate time until the next CRL is due
     */
    public X509CRL crl(List<CertificateRecord> revoked, long number, Duration nextUpdate)
            throws GeneralSecurityException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                Date.from(now));
        b.setNextUpdate(Date.from(now.plus(nextUpdate)));
        try {
            for (CertificateRecord r : revoked) {
                b.addCRLEntry(new BigInteger(r.serial(), 16), Date.from(Instant.parse(r.revokedAt())), reason(r.reason()));
            }
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            X509CRLHolder h = b.build(signer(key, provider));
            X509CRL crl = new JcaX509CRLConverter().getCRL(h);
            crl.verify(certificate.getPublicKey());
            return crl;
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the CRL", e);
        }
    }

    /** RFC 5280 reason code for a reason name. */
    static int reason(String name) {
        return switch (name) {
        case "keyCompromise" -> CRLReason.keyCompromise;
        case "affiliationChanged" -> CRLReason.affiliationChanged;
        case "superseded" -> CRLReason.superseded;
        case "cessationOfOperation" -> CRLReason.cessationOfOperation;
        case "certificateHold" -> CRLReason.certificateHold;
        default -> CRLReason.unspecified;
        };
    }

    /**
     * Writes the CRL atomically as {@code <folder>/parapet-ca.crl} (DER).
     *
     * @return the file written
     */
    public static Path writeCrl(X509CRL crl, Path folder) throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        Path target = folder.resolve("parapet-ca.crl");
        Path tmp = Files.createTempFile(folder, ".crl", ".tmp");
        Files.write(tmp, crl.getEncoded());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
