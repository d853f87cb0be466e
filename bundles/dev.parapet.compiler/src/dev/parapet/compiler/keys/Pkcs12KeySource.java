// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/** Opens the policy signing key stored under an alias of a PKCS#12 file. */
public final class Pkcs12KeySource {

	private Pkcs12KeySource() {
	}

	/**
	 * @throws KeySourceException if the file, the alias or the passphrase is wrong, or the key is not P-256
	 */
	public static PolicySigner open(Path file, String alias, SecretSource passphrase) throws KeySourceException {
		char[] secret = null;
		try (InputStream in = Files.newInputStream(file)) {
			secret = passphrase.read();
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, secret);
			if (!store.containsAlias(alias)) {
				throw new KeySourceException("PKCS#12 file " + file + " has no entry with alias \"" + alias + "\"");
			}
			Key key = store.getKey(alias, secret);
			Certificate certificate = store.getCertificate(alias);
			if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
				throw new KeySourceException("Alias \"" + alias + "\" of " + file + " is not a private key with a certificate");
			}
			return new SoftwareEs256Signer(privateKey, x509);
		} catch (IOException e) {
			// KeyStore reports a wrong passphrase as an IOException whose message holds no secret
			throw new KeySourceException("Cannot open PKCS#12 file " + file + ": " + e.getMessage(), e);
		} catch (GeneralSecurityException e) {
			throw new KeySourceException("Cannot use key \"" + alias + "\" of " + file + ": " + e.getMessage(), e);
		} finally {
			SecretSource.wipe(secret);
		}
	}
}
