// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import dev.parapet.image.internal.crypto.P256;

/**
 * Card 9D certificates in a folder, one file per card named {@code <card id>.pem}, {@code .crt}
 * or {@code .der} (PEM or DER X.509). Exactly one file per card id must exist.
 */
public final class X509FolderCardKeyDirectory implements CardKeyDirectory {

	private static final String[] SUFFIXES = { ".pem", ".crt", ".der" };
	private final Path folder;

	/** Over {@code folder}. */
	public X509FolderCardKeyDirectory(Path folder) {
		this.folder = folder;
	}

	@Override
	public X509Certificate keyManagementCertificate(String cardId) throws IOException {
		if (cardId.isEmpty() || cardId.contains("/") || cardId.contains("\\") || cardId.startsWith(".")) {
			throw new IOException("card id \"" + cardId + "\" cannot name a certificate file");
		}
		Path found = null;
		for (String s : SUFFIXES) {
			Path p = folder.resolve(cardId + s);
			if (Files.isRegularFile(p)) {
				if (found != null) {
					throw new IOException("card " + cardId + ": both " + found.getFileName() + " and " + p.getFileName() + " in " + folder);
				}
				found = p;
			}
		}
		if (found == null) {
			throw new IOException("card " + cardId + ": no 9D certificate " + cardId + ".pem/.crt/.der in " + folder);
		}
		try (InputStream in = Files.newInputStream(found)) {
			X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			if (!P256.isP256(cert.getPublicKey())) {
				throw new IOException(found + ": card " + cardId + " 9D key is not P-256");
			}
			return cert;
		} catch (CertificateException e) {
			throw new IOException(found + ": not an X.509 certificate (" + e.getMessage() + ")");
		}
	}
}
