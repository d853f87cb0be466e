// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.parapet.image.internal.crypto.P256;

/**
 * Cards' 9D (key management) certificates exported from the registry as files named by card UID,
 * the same naming the compiler's {@link dev.parapet.compiler.CardCertificateDirectory} uses for 9A
 * certificates: {@code UID.pem}, {@code UID.der} or {@code UID.crt} (UID in hex, either case,
 * colons removed), in a folder of their own. {@link RegistryCardKeyDirectory} reads the registry
 * itself.
 */
public final class KeyManagementCertificateDirectory implements CardKeyDirectory {

	private final Path directory;
	private final Map<String, X509Certificate> read = new ConcurrentHashMap<>();

	/** Over {@code directory}. */
	public KeyManagementCertificateDirectory(Path directory) {
		this.directory = directory;
	}

	@Override
	public X509Certificate keyManagementCertificate(String cardId) throws IOException {
		X509Certificate cached = read.get(cardId);
		if (cached != null) {
			return cached;
		}
		String uid = cardId.replace(":", "");
		if (uid.isEmpty() || uid.contains("/") || uid.contains("\\") || uid.startsWith(".")) {
			throw new IOException("card id \"" + cardId + "\" cannot name a certificate file");
		}
		for (String name : List.of(uid.toUpperCase(Locale.ROOT), uid.toLowerCase(Locale.ROOT))) {
			for (String extension : List.of(".pem", ".der", ".crt")) {
				Path file = directory.resolve(name + extension);
				if (Files.isRegularFile(file)) {
					X509Certificate cert = parse(file, cardId);
					read.put(cardId, cert);
					return cert;
				}
			}
		}
		throw new IOException("card " + cardId + ": no 9D certificate " + uid + ".pem/.der/.crt in " + directory);
	}

	private static X509Certificate parse(Path file, String cardId) throws IOException {
		try {
			X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
			if (!P256.isP256(cert.getPublicKey())) {
				throw new IOException("card " + cardId + ": the 9D key in " + file + " is not P-256");
			}
			return cert;
		} catch (CertificateException e) {
			throw new IOException("card " + cardId + ": " + file + " is not an X.509 certificate");
		}
	}
}
