// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.image.internal.crypto.P256;
import dev.parapet.policy.policy.Holder;

/**
 * Card certificates in a folder, as a card export leaves them: {@code <card id>.9d.pem} (key
 * management, PIV slot 9D, what storage keys are wrapped to) and {@code <card id>.9a.pem} (PIV
 * authentication, whose SHA-256 the policy's allowed-cards list carries); {@code .crt} and
 * {@code .der} are accepted too, PEM or DER. The card id is the string after {@code card} in the
 * fleet's holders. Serves both the image baker ({@link CardKeyDirectory}) and the compiler
 * ({@link CardCertificates}) until the card registry provides both.
 */
public final class CardCertificateFolder implements CardKeyDirectory, CardCertificates {

	private static final String[] SUFFIXES = { ".pem", ".crt", ".der" };
	private final Path folder;

	/** Over {@code folder}. */
	public CardCertificateFolder(Path folder) {
		this.folder = folder;
	}

	@Override
	public X509Certificate keyManagementCertificate(String cardId) throws IOException {
		X509Certificate cert = read(cardId, "9d");
		if (!P256.isP256(cert.getPublicKey())) {
			throw new IOException("card " + cardId + ": 9D key in " + folder + " is not P-256");
		}
		return cert;
	}

	@Override
	public byte[] sha256Of9aCertificate(Holder holder, String card) throws CompileException {
		try {
			return MessageDigest.getInstance("SHA-256").digest(read(card, "9a").getEncoded());
		} catch (IOException | java.security.cert.CertificateEncodingException e) {
			throw new CompileException(SourceLink.of(holder), "card \"" + card + "\" of holder " + holder.getName() + ": " + e.getMessage());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private X509Certificate read(String cardId, String slot) throws IOException {
		if (cardId.isEmpty() || cardId.contains("/") || cardId.contains("\\") || cardId.startsWith(".")) {
			throw new IOException("card id \"" + cardId + "\" cannot name a certificate file");
		}
		Path found = null;
		for (String s : SUFFIXES) {
			Path p = folder.resolve(cardId + "." + slot + s);
			if (Files.isRegularFile(p)) {
				if (found != null) {
					throw new IOException("card " + cardId + ": both " + found.getFileName() + " and " + p.getFileName() + " in " + folder);
				}
				found = p;
			}
		}
		if (found == null) {
			throw new IOException("card " + cardId + ": no " + slot.toUpperCase() + " certificate " + cardId + "." + slot + ".pem in " + folder);
		}
		try (InputStream in = Files.newInputStream(found)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		} catch (CertificateException e) {
			throw new IOException(found + ": not an X.509 certificate (" + e.getMessage() + ")");
		}
	}
}
