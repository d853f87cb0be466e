// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import dev.parapet.compiler.model.SourceLink;
import dev.parapet.policy.policy.Holder;

/**
 * Turns a holder's {@code card "UID"} entry into the SHA-256 of that card's 9A (PIV authentication)
 * certificate, which is what the blob's allowed-cards list carries (docs/formats.md 1.3, login key 6).
 * The language names cards by UID; their certificates come from the card registry, for example
 * exported as files ({@link CardCertificateDirectory}).
 */
@FunctionalInterface
public interface CardCertificates {

	/** Resolves nothing: any required-group with cards fails to compile instead of allowing any card. */
	CardCertificates UNRESOLVED = (holder, card) -> {
		throw new CompileException(SourceLink.of(holder), "card " + card + " of holder " + holder.getName()
				+ ": its 9A certificate is unknown; give the card certificates exported from the registry (--card-certs DIR)");
	};

	/**
	 * Resolves every card to 32 zero bytes, for exporters whose target never carries the allowed-cards
	 * list (they report the list as dropped). Never use it to compile a blob.
	 */
	CardCertificates IGNORED = (holder, card) -> new byte[32];

	/**
	 * @param holder the holder whose card it is (for error messages)
	 * @param card   the card UID as written after {@code card}
	 * @return 32 bytes
	 * @throws CompileException if the card's certificate is unknown (fail closed)
	 */
	byte[] sha256Of9aCertificate(Holder holder, String card) throws CompileException;
}
