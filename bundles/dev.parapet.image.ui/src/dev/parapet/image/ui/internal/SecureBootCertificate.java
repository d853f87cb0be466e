// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import dev.parapet.compiler.LoadedFleet;
import dev.parapet.policy.policy.Pkcs12KeyReference;

/**
 * The certificate the Images view verifies against, without asking for a PIN: for a PKCS#12
 * Secure Boot key the PEM certificate beside it ({@code sb.p12} -> {@code sb.pem}), else
 * {@code secure-boot.pem} in the folder of the fleet header (keys on tokens).
 */
final class SecureBootCertificate {

	private SecureBootCertificate() {
	}

	static X509Certificate of(LoadedFleet fleet) throws IOException {
		Path base = Path.of(fleet.fleet().eResource().getURI().toFileString()).getParent();
		Path pem = base.resolve("secure-boot.pem");
		if (fleet.fleet().getSecureBootKey() instanceof Pkcs12KeyReference p12) {
			Path file = base.resolve(p12.getFile());
			Path sibling = file.resolveSibling(file.getFileName().toString().replaceAll("\\.p12$|\\.pfx$", "") + ".pem");
			if (Files.isRegularFile(sibling)) {
				pem = sibling;
			}
		}
		if (!Files.isRegularFile(pem)) {
			throw new IOException("no Secure Boot certificate to verify against (" + pem + ")");
		}
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
		} catch (CertificateException e) {
			throw new IOException(pem + ": not an X.509 certificate");
		}
	}
}
