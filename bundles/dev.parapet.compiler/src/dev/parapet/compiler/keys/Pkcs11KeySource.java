// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.security.auth.login.LoginException;

/**
 * Opens the policy signing key on a PKCS#11 token through the JDK's SunPKCS11 provider. The RFC 7512
 * URI becomes a SunPKCS11 configuration: {@code module-path} (or the default module) is the library,
 * {@code slot-id} the slot, otherwise the slot whose token label equals {@code token}; {@code object}
 * is the key store alias (CKA_LABEL). The token must hold a certificate with the key's label (SunPKCS11
 * lists only private keys that have one).
 */
public final class Pkcs11KeySource {

	/** Debian's softhsm2 module, used when the URI names no module. */
	public static final Path DEFAULT_MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");

	private Pkcs11KeySource() {
	}

	public static PolicySigner open(Pkcs11Uri uri, SecretSource pin) throws KeySourceException {
		return open(uri, pin, DEFAULT_MODULE);
	}

	public static PolicySigner open(Pkcs11Uri uri, SecretSource pin, Path defaultModule) throws KeySourceException {
		Path module = uri.queryAttribute("module-path").map(Path::of).orElse(defaultModule);
		if (!Files.isRegularFile(module)) {
			throw new KeySourceException("PKCS#11 module " + module + " does not exist");
		}
		String modulePath = module.toAbsolutePath().toString();
		if (modulePath.contains("\"") || modulePath.contains("\n")) {
			throw new KeySourceException("PKCS#11 module path contains a quote or a line break");
		}
		long slot = slot(uri, modulePath);
		String label = uri.attribute("object").orElseThrow();
		String config = "--name=parapet-policy-" + slot + "\nlibrary=\"" + modulePath + "\"\nslot=" + slot + "\n";
		Provider provider;
		try {
			provider = Security.getProvider("SunPKCS11").configure(config);
		} catch (RuntimeException e) {
			throw new KeySourceException("Cannot load PKCS#11 module " + module + " for slot " + slot + ": " + e.getMessage(), e);
		}
		char[] secret = null;
		try {
			secret = pin.read();
			KeyStore store = KeyStore.getInstance("PKCS11", provider);
			store.load(null, secret);
			Key key = store.getKey(label, null);
			Certificate certificate = store.getCertificate(label);
			if (!(key instanceof PrivateKey privateKey)) {
				throw new KeySourceException("Token in slot " + slot + " has no private key labelled \"" + label + "\"");
			}
			if (!(certificate instanceof X509Certificate x509)) {
				throw new KeySourceException("Token in slot " + slot + " has no certificate labelled \"" + label
						+ "\" (store the key's certificate with the same label)");
			}
			return new TokenEs256Signer(provider, privateKey, x509, () -> logout(provider));
		} catch (IOException e) {
			throw new KeySourceException("Cannot log in to the token in slot " + slot + " (PIN from " + pin.describe()
					+ "): " + e.getMessage(), e);
		} catch (GeneralSecurityException e) {
			throw new KeySourceException("Cannot use key \"" + label + "\" in slot " + slot + ": " + e.getMessage(), e);
		} finally {
			SecretSource.wipe(secret);
		}
	}

	private static long slot(Pkcs11Uri uri, String modulePath) throws KeySourceException {
		if (uri.attribute("slot-id").isPresent()) {
			return Long.parseLong(uri.attribute("slot-id").get());
		}
		if (uri.attribute("token").isPresent()) {
			return TokenSlots.slotOfToken(modulePath, uri.attribute("token").get());
		}
		throw new KeySourceException("PKCS#11 URI must select the token (token= or slot-id=)");
	}

	private static void logout(Provider provider) {
		if (provider instanceof AuthProvider auth) {
			try {
				auth.logout();
			} catch (LoginException e) {
				// the session ends with the process anyway; nothing secret to report
			}
		}
	}
}
