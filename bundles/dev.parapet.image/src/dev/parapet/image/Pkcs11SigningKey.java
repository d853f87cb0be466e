// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.compiler.keys.TokenSlots;

/**
 * A signing key on a PKCS#11 token (an HSM, a smart card, softhsm2), addressed by an RFC 7512 URI
 * as the compiler's policy keys are: {@code module-path} or the default module, {@code slot-id} or
 * {@code token} (label), and {@code object} (the label of the key and of its certificate). The PIN
 * comes from a {@link SecretSource} and is wiped after login; signatures are made on the token.
 */
public final class Pkcs11SigningKey implements SigningKey {

	private final Provider provider;
	private final PrivateKey key;
	private final List<X509Certificate> chain;

	private Pkcs11SigningKey(Provider provider, PrivateKey key, List<X509Certificate> chain) {
		this.provider = provider;
		this.key = key;
		this.chain = chain;
	}

	/** Logs in to the token and finds the key and its certificate. */
	public static Pkcs11SigningKey open(Pkcs11Uri uri, SecretSource pin, Path defaultModule) throws IOException {
		Path module = uri.queryAttribute("module-path").map(Path::of).orElse(defaultModule);
		if (!Files.isRegularFile(module)) {
			throw new IOException("PKCS#11 module " + module + " does not exist");
		}
		String modulePath = module.toAbsolutePath().toString();
		if (modulePath.contains("\"") || modulePath.contains("\n")) {
			throw new IOException("PKCS#11 module path contains a quote or a line break");
		}
		String label = uri.attribute("object").orElseThrow(() -> new IOException("PKCS#11 URI " + uri + " names no object"));
		char[] secret = null;
		try {
			long slot;
			if (uri.attribute("slot-id").isPresent()) {
				slot = Long.parseLong(uri.attribute("slot-id").get());
			} else if (uri.attribute("token").isPresent()) {
				slot = TokenSlots.slotOfToken(modulePath, uri.attribute("token").get());
			} else {
				throw new IOException("PKCS#11 URI must select the token (token= or slot-id=)");
			}
			Provider provider = Security.getProvider("SunPKCS11")
					.configure("--name=parapet-secure-boot-" + slot + "\nlibrary=\"" + modulePath + "\"\nslot=" + slot + "\n");
			secret = pin.read();
			KeyStore store = KeyStore.getInstance("PKCS11", provider);
			try {
				store.load(null, secret);
			} catch (IOException e) {
				// SunPKCS11 reports a wrong PIN as "load failed"; its message never holds the PIN
				throw new IOException("cannot log in to the token in slot " + slot + " (PIN from " + pin.describe() + "): " + e.getMessage(), e);
			}
			if (!(store.getKey(label, null) instanceof PrivateKey key)) {
				throw new IOException("token in slot " + slot + " has no private key labelled \"" + label + "\"");
			}
			Certificate[] certs = store.getCertificateChain(label);
			if (certs == null || certs.length == 0) {
				throw new IOException("token in slot " + slot + " has no certificate labelled \"" + label + "\"");
			}
			return new Pkcs11SigningKey(provider, key, Pkcs12SigningKey.chainWithoutRoot(certs));
		} catch (KeySourceException | NumberFormatException e) {
			throw new IOException(e.getMessage(), e);
		} catch (GeneralSecurityException | RuntimeException e) {
			throw new IOException("cannot use PKCS#11 key \"" + label + "\" (PIN from " + pin.describe() + "): " + e.getMessage(), e);
		} finally {
			SecretSource.wipe(secret);
		}
	}

	@Override
	public List<X509Certificate> chain() {
		return chain;
	}

	@Override
	public byte[] sign(String algorithm, byte[] data) throws GeneralSecurityException {
		Signature s = Signature.getInstance(algorithm, provider);
		s.initSign(key);
		s.update(data);
		return s.sign();
	}

	/** Logs out of the token. */
	public void logout() {
		if (provider instanceof AuthProvider auth) {
			try {
				auth.logout();
			} catch (javax.security.auth.login.LoginException e) {
				// the session ends with the process anyway; nothing secret to report
			}
		}
	}
}
