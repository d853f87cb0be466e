// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.parapet.compiler.internal.Sha256;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.policy.policy.Holder;

/**
 * Card certificates exported from the registry as files named by card UID: {@code UID.pem},
 * {@code UID.der} or {@code UID.crt} (UID in hex, either case, colons removed), each holding the
 * card's 9A certificate.
 */
public final class CardCertificateDirectory implements CardCertificates {

	private final Path directory;
	/** A fleet names the same cards in many devices: each certificate file is read once per compiler. */
	private final Map<String, byte[]> hashes = new ConcurrentHashMap<>();

	public CardCertificateDirectory(Path directory) {
		this.directory = directory;
	}

	@Override
	public byte[] sha256Of9aCertificate(Holder holder, String card) throws CompileException {
		byte[] cached = hashes.get(card);
		if (cached != null) {
			return cached.clone();
		}
		byte[] hash = lookUp(holder, card);
		hashes.put(card, hash.clone());
		return hash;
	}

	private byte[] lookUp(Holder holder, String card) throws CompileException {
		String uid = card.replace(":", "");
		SourceLink source = SourceLink.of(holder);
		for (String name : List.of(uid.toUpperCase(Locale.ROOT), uid.toLowerCase(Locale.ROOT))) {
			for (String extension : List.of(".pem", ".der", ".crt")) {
				Path file = directory.resolve(name + extension);
				if (Files.isRegularFile(file)) {
					return sha256OfCertificate(file, source, card);
				}
			}
		}
		throw new CompileException(source, "card " + card + " of holder " + holder.getName() + ": no certificate "
				+ uid + ".pem/.der/.crt in " + directory);
	}

	private static byte[] sha256OfCertificate(Path file, SourceLink source, String card) throws CompileException {
		try {
			byte[] der = CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file))).getEncoded();
			return Sha256.of(der);
		} catch (IOException e) {
			throw new CompileException(source, "card " + card + ": cannot read " + file + ": " + e.getMessage(), e);
		} catch (GeneralSecurityException e) {
			throw new CompileException(source, "card " + card + ": " + file + " is not an X.509 certificate", e);
		}
	}
}
