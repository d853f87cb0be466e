// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.security.cert.CertificateEncodingException;

import dev.parapet.compiler.internal.Sha256;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.policy.policy.Holder;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.RegistryException;

/**
 * Cards' 9A certificates read from the card registry. A card that is unknown, suspended, revoked, still
 * incomplete or without a current 9A certificate fails the device that allows it (fail closed), with the
 * registry's reason at the holder's {@code card} entry.
 */
public final class RegistryCardCertificates implements CardCertificates {

	private final CardDirectory registry;

	/** @param registry an open registry; the caller closes it */
	public RegistryCardCertificates(CardDirectory registry) {
		this.registry = registry;
	}

	@Override
	public byte[] sha256Of9aCertificate(Holder holder, String card) throws CompileException {
		SourceLink source = SourceLink.of(holder);
		try {
			return Sha256.of(registry.usable(card).authentication().getEncoded());
		} catch (RegistryException e) {
			throw new CompileException(source, "holder " + holder.getName() + ": " + e.getMessage(), e);
		} catch (CertificateEncodingException e) {
			throw new CompileException(source, "card " + card + ": its 9A certificate cannot be encoded", e);
		}
	}
}
