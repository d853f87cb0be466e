// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * Decides whether a signer certificate leads to one of the certificates given with {@code --trust}:
 * it is one of them, or a chain of issuer signatures through the certificates the signature carried
 * ends at one of them. Validity periods are not checked: images are verified offline, long after
 * SOURCE_DATE_EPOCH, as Secure Boot firmware does.
 */
public final class TrustChain {

	private static final int MAX_DEPTH = 6;

	private TrustChain() {
	}

	/** The trusted certificate the chain ends at, or throws naming the signer. */
	public static X509Certificate anchor(X509Certificate signer, Collection<X509Certificate> carried, List<X509Certificate> trust)
			throws GeneralSecurityException {
		X509Certificate current = signer;
		for (int depth = 0; depth < MAX_DEPTH; depth++) {
			for (X509Certificate t : trust) {
				if (t.equals(current)) {
					return t;
				}
			}
			for (X509Certificate t : trust) {
				if (issued(t, current)) {
					return t;
				}
			}
			X509Certificate next = null;
			for (X509Certificate c : carried) {
				if (!c.equals(current) && issued(c, current)) {
					next = c;
					break;
				}
			}
			if (next == null) {
				break;
			}
			current = next;
		}
		throw new GeneralSecurityException("signer " + signer.getSubjectX500Principal().getName() + " does not chain to a trusted certificate");
	}

	private static boolean issued(X509Certificate issuer, X509Certificate subject) {
		if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
			return false;
		}
		try {
			subject.verify(issuer.getPublicKey());
			return true;
		} catch (GeneralSecurityException e) {
			return false;
		}
	}
}
