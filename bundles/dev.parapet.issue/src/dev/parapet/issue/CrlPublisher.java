// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;

import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/** Issues CRLs from the registry's revoked certificates with the built-in CA. */
public final class CrlPublisher {

    private final Registry registry;
    private final CertificateAuthority ca;

    /**
     * @param registry source of revoked certificates and CRL numbers
     * @param ca signs the CRL
     */
    public CrlPublisher(Registry registry, CertificateAuthority ca) {
        this.registry = registry;
        this.ca = ca;
    }

    /** Issues a CRL over every revoked certificate and writes it to {@code folder}. */
    public Path publishCrl(Path folder, Duration nextUpdate) throws IssueException {
        try {
            String issuer = ca.certificate().getSubjectX500Principal().getName();
            X509CRL crl = ca.crl(registry.revokedCertificates(), registry.nextCrlNumber(issuer), nextUpdate);
            return CertificateAuthority.writeCrl(crl, folder);
        } catch (RegistryException | GeneralSecurityException | IOException e) {
            throw new IssueException("CRL not issued: " + e.getMessage(), 0, false, e);
        }
    }
}
