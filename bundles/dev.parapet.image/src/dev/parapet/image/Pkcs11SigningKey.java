// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.SecretSource;

/**
 * A signing key on a PKCS#11 token (an HSM, a smart card, softhsm2), addressed by an RFC 7512 URI
 * as the compiler's policy keys are: {@code module-path} or the default module, {@code slot-id} or
 * {@code token} (label), and {@code object} (the label of the key and of its certificate). The PIN
 * comes from a {@link SecretSource} and is wiped after login; signatures are made on the token.
 */
public final class Pkcs11SigningKey implements SigningKey {

	private final Pkcs11Session session;
	private final PrivateKey key;
	private final List<X509Certificate> chain;

	private Pkcs11SigningKey(Pkcs11Session session, PrivateKey key, List<X509Certificate> chain) {
		this.session = session;
		this.key = key;
		this.chain = chain;
	}

	/** Logs in to the token and finds the key and its certificate. */
	public static Pkcs11SigningKey open(Pkcs11Uri uri, SecretSource pin, Path defaultModule) throws IOException {
		Pkcs11Session session = Pkcs11Session.login(uri, pin, defaultModule, "secure-boot");
		String label = session.label();
		try {
			if (!(session.store().getKey(label, null) instanceof PrivateKey key)) {
				throw new IOException("token in slot " + session.slot() + " has no private key labelled \"" + label + "\"");
			}
			Certificate[] certs = session.store().getCertificateChain(label);
			if (certs == null || certs.length == 0) {
				throw new IOException("token in slot " + session.slot() + " has no certificate labelled \"" + label + "\"");
			}
			return new Pkcs11SigningKey(session, key, Pkcs12SigningKey.chainWithoutRoot(certs));
		} catch (GeneralSecurityException | RuntimeException e) {
			throw new IOException("cannot use PKCS#11 key \"" + label + "\" (PIN from " + pin.describe() + "): " + e.getMessage(), e);
		}
	}

	@Override
	public List<X509Certificate> chain() {
		return chain;
	}

	@Override
	public byte[] sign(String algorithm, byte[] data) throws GeneralSecurityException {
		Signature s = Signature.getInstance(algorithm, session.provider());
		s.initSign(key);
		s.update(data);
		return s.sign();
	}

	/** Logs out of the token. */
	public void logout() {
		session.logout();
	}
}
