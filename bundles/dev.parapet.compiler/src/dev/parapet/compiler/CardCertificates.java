// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import dev.parapet.policy.policy.Holder;

/**
 * Turns a holder's {@code card "..."} entry into the SHA-256 of the card's 9A (PIV authentication)
 * certificate, which is what the blob's allowed-cards list carries. The card registry can supply an
 * implementation that looks card serials up; {@link dev.parapet.compiler.internal.CardFileCertificates}
 * accepts a hex fingerprint or a certificate file.
 */
@FunctionalInterface
public interface CardCertificates {

	/**
	 * @param holder the holder whose card it is (for relative paths and error messages)
	 * @param card   the string written after {@code card}
	 * @return 32 bytes
	 * @throws CompileException if the card cannot be resolved to a certificate hash (fail closed)
	 */
	byte[] sha256Of9aCertificate(Holder holder, String card) throws CompileException;
}
