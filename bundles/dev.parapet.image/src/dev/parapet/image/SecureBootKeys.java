// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.file.Path;

import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.Pkcs11KeyReference;
import dev.parapet.policy.policy.Pkcs12KeyReference;

/**
 * Opens the fleet header's {@code secure-boot-key} (as the compiler's {@code SigningKeys} opens its
 * {@code policy-signing-key}): a PKCS#12 file relative to the file that declares the fleet, or a
 * PKCS#11 URI. Used by {@code parapet bake} and the workbench's bake wizard.
 */
public final class SecureBootKeys {

	private SecureBootKeys() {
	}

	/**
	 * @param secret        the PKCS#12 passphrase or the token PIN
	 * @param defaultModule PKCS#11 module for URIs without {@code module-path}
	 * @throws IOException naming the fleet if it names no key or the key cannot be opened
	 */
	public static SigningKey open(Fleet fleet, SecretSource secret, Path defaultModule) throws IOException {
		Path base = Path.of(fleet.eResource().getURI().toFileString()).getParent();
		try {
			return switch (fleet.getSecureBootKey()) {
			case Pkcs12KeyReference p12 -> Pkcs12SigningKey.load(base.resolve(p12.getFile()), p12.getAlias(), secret);
			case Pkcs11KeyReference p11 -> Pkcs11SigningKey.open(Pkcs11Uri.parse(p11.getUri()), secret, defaultModule);
			case null, default -> throw new IOException("fleet " + fleet.getName() + " names no secure-boot-key");
			};
		} catch (KeySourceException e) {
			throw new IOException("secure-boot-key of fleet " + fleet.getName() + ": " + e.getMessage(), e);
		}
	}
}
