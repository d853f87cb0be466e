// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;

import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.compiler.keys.TokenSlots;

/**
 * A logged-in session on the token an RFC 7512 URI selects ({@code module-path} or the default
 * module, {@code slot-id} or {@code token}), through a SunPKCS11 provider of its own. The PIN is
 * wiped after login and never appears in messages.
 *
 * @param provider the token's provider
 * @param store    the token's objects by label
 * @param slot     the slot the token is in
 * @param label    the URI's {@code object}
 */
record Pkcs11Session(Provider provider, KeyStore store, long slot, String label) {

	/** Logs in; {@code purpose} names the provider instance ("secure-boot", "key-store"). */
	static Pkcs11Session login(Pkcs11Uri uri, SecretSource pin, Path defaultModule, String purpose) throws IOException {
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
					.configure("--name=parapet-" + purpose + "-" + slot + "\nlibrary=\"" + modulePath + "\"\nslot=" + slot + "\n");
			secret = pin.read();
			KeyStore store = KeyStore.getInstance("PKCS11", provider);
			try {
				store.load(null, secret);
			} catch (IOException e) {
				// SunPKCS11 reports a wrong PIN as "load failed"; its message never holds the PIN
				throw new IOException("cannot log in to the token in slot " + slot + " (PIN from " + pin.describe() + "): " + e.getMessage(), e);
			}
			return new Pkcs11Session(provider, store, slot, label);
		} catch (KeySourceException | NumberFormatException e) {
			throw new IOException(e.getMessage(), e);
		} catch (GeneralSecurityException | RuntimeException e) {
			throw new IOException("cannot use PKCS#11 key \"" + label + "\" (PIN from " + pin.describe() + "): " + e.getMessage(), e);
		} finally {
			SecretSource.wipe(secret);
		}
	}

	/** Logs out of the token. */
	void logout() {
		if (provider instanceof AuthProvider auth) {
			try {
				auth.logout();
			} catch (javax.security.auth.login.LoginException e) {
				// the session ends with the process anyway; nothing secret to report
			}
		}
	}
}
