// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import dev.parapet.compiler.internal.CertificateFiles;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11KeySource;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.Pkcs12KeySource;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.KeyReference;
import dev.parapet.policy.policy.Pkcs11KeyReference;
import dev.parapet.policy.policy.Pkcs12KeyReference;

/** Opens the key a fleet names as its {@code policy-signing-key}. */
public final class SigningKeys {

	private SigningKeys() {
	}

	/**
	 * @param secret the PKCS#12 passphrase or the token PIN
	 * @throws KeySourceException if the fleet names no key or the key cannot be opened
	 */
	public static PolicySigner open(Fleet fleet, SecretSource secret) throws KeySourceException {
		KeyReference reference = fleet.getPolicySigningKey();
		String where = SourceLink.of(reference == null ? fleet : reference) + ": ";
		try {
			return switch (reference) {
			case Pkcs12KeyReference p12 -> Pkcs12KeySource.open(CertificateFiles.resolve(p12, p12.getFile()), p12.getAlias(),
					secret);
			case Pkcs11KeyReference p11 -> Pkcs11KeySource.open(Pkcs11Uri.parse(p11.getUri()), secret);
			case null, default -> throw new KeySourceException("fleet " + fleet.getName() + " names no policy-signing-key");
			};
		} catch (CompileException e) {
			throw new KeySourceException(where + e.getMessage(), e);
		} catch (KeySourceException e) {
			throw new KeySourceException(where + e.getMessage(), e);
		}
	}
}
