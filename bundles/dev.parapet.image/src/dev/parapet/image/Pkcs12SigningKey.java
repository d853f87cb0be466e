// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import dev.parapet.compiler.keys.SecretSource;

/**
 * A signing key from a PKCS#12 file. The passphrase is read from its {@link SecretSource}, used to
 * open the file and wiped; it never appears in exception messages.
 */
public final class Pkcs12SigningKey implements SigningKey {

	private final PrivateKey key;
	private final List<X509Certificate> chain;

	private Pkcs12SigningKey(PrivateKey key, List<X509Certificate> chain) {
		this.key = key;
		this.chain = chain;
	}

	/**
	 * Opens {@code file} and takes the key under {@code alias}.
	 *
	 * @throws IOException if the file cannot be read, the passphrase is wrong or the alias holds no key
	 */
	public static Pkcs12SigningKey load(Path file, String alias, SecretSource passphrase) throws IOException {
		char[] pin = passphrase.read();
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore ks = KeyStore.getInstance("PKCS12");
			ks.load(in, pin);
			if (!ks.isKeyEntry(alias)) {
				throw new IOException(file + ": no private key under alias \"" + alias + "\"");
			}
			PrivateKey key = (PrivateKey) ks.getKey(alias, pin);
			Certificate[] certs = ks.getCertificateChain(alias);
			if (certs == null || certs.length == 0) {
				throw new IOException(file + ": key \"" + alias + "\" has no certificate");
			}
			return new Pkcs12SigningKey(key, chainWithoutRoot(certs));
		} catch (GeneralSecurityException e) {
			throw new IOException(file + ": cannot open PKCS#12 key store (wrong passphrase from " + passphrase.describe()
					+ " or damaged file)");
		} finally {
			SecretSource.wipe(pin);
		}
	}

	/** The signer's chain without a self-signed root (that is the verifier's trust anchor). */
	static List<X509Certificate> chainWithoutRoot(Certificate[] certs) {
		List<X509Certificate> chain = new ArrayList<>();
		for (Certificate c : certs) {
			X509Certificate x = (X509Certificate) c;
			if (chain.isEmpty() || !x.getSubjectX500Principal().equals(x.getIssuerX500Principal())) {
				chain.add(x);
			}
		}
		return List.copyOf(chain);
	}

	@Override
	public List<X509Certificate> chain() {
		return chain;
	}

	@Override
	public byte[] sign(String algorithm, byte[] data) throws GeneralSecurityException {
		Signature s = Signature.getInstance(algorithm);
		s.initSign(key);
		s.update(data);
		return s.sign();
	}
}
