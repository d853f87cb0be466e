// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.policy.policy.Holder;

/**
 * Resolves a card entry that is either the SHA-256 fingerprint of the card's 9A certificate
 * (64 hex digits, colons allowed) or a certificate file relative to the holder's file. Anything
 * else (a bare card serial) needs the card registry and is refused: an unresolved card must not
 * silently widen the allowed cards to "any card".
 */
public final class CardFileCertificates implements CardCertificates {

	@Override
	public byte[] sha256Of9aCertificate(Holder holder, String card) throws CompileException {
		byte[] fingerprint = TextValues.sha256Fingerprint(card);
		if (fingerprint != null) {
			return fingerprint;
		}
		if (!Files.isRegularFile(CertificateFiles.resolve(holder, card))) {
			throw new CompileException(SourceLink.of(holder), "card \"" + card + "\" of holder " + holder.getName()
					+ ": not a SHA-256 fingerprint of a 9A certificate nor a certificate file; card serials need the card registry");
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(CertificateFiles.readDer(holder, card, "card"));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 missing from the JDK", e);
		}
	}
}
