// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.security.auth.DestroyFailedException;

import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.SecretSource;

/**
 * The AES-256 key that seals a {@link StorageKeyStore}: an AES secret-key entry of a PKCS#12 file
 * ({@code keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12}) or an AES secret-key
 * object on a PKCS#11 token ({@code pkcs11-tool --keygen --key-type AES:32}), used there through
 * SunPKCS11 so that it never leaves the token. Its only operation is AES-GCM with a 96-bit nonce
 * and a 128-bit tag.
 */
public final class StorageKeyStoreMasterKey implements AutoCloseable {

	private static final int TAG_BITS = 128;

	private final SecretKey key;
	private final Provider provider;
	private final Pkcs11Session session;
	private final String description;

	private StorageKeyStoreMasterKey(SecretKey key, Provider provider, Pkcs11Session session, String description) {
		this.key = key;
		this.provider = provider;
		this.session = session;
		this.description = description;
	}

	/**
	 * Opens a master key named as on the command line: {@code pkcs12:FILE#ALIAS} (FILE relative to
	 * {@code base}) or a PKCS#11 URI {@code pkcs11:token=...;object=...}.
	 *
	 * @param secret        the PKCS#12 passphrase or the token PIN
	 * @param defaultModule PKCS#11 module for URIs without {@code module-path}
	 * @throws IOException if the reference is malformed or the key cannot be opened
	 */
	public static StorageKeyStoreMasterKey open(String reference, Path base, SecretSource secret, Path defaultModule) throws IOException {
		if (reference.startsWith("pkcs12:")) {
			String rest = reference.substring("pkcs12:".length());
			int hash = rest.lastIndexOf('#');
			if (hash <= 0 || hash == rest.length() - 1) {
				throw new IOException("key-store key \"" + reference + "\" must be pkcs12:FILE#ALIAS");
			}
			return pkcs12(base.resolve(rest.substring(0, hash)), rest.substring(hash + 1), secret);
		}
		if (reference.startsWith("pkcs11:")) {
			try {
				return pkcs11(Pkcs11Uri.parse(reference), secret, defaultModule);
			} catch (KeySourceException e) {
				throw new IOException("key-store key: " + e.getMessage(), e);
			}
		}
		throw new IOException("key-store key \"" + reference + "\" is neither pkcs12:FILE#ALIAS nor a pkcs11: URI");
	}

	/** The AES secret key under {@code alias} of a PKCS#12 file. */
	public static StorageKeyStoreMasterKey pkcs12(Path file, String alias, SecretSource passphrase) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("key-store key file " + file + " does not exist");
		}
		char[] pin = passphrase.read();
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore ks = KeyStore.getInstance("PKCS12");
			ks.load(in, pin);
			if (!ks.containsAlias(alias)) {
				throw new IOException(file + ": no entry with alias \"" + alias + "\"");
			}
			Key key = ks.getKey(alias, pin);
			return new StorageKeyStoreMasterKey(aes256(key, file + "#" + alias), null, null, "pkcs12:" + file + "#" + alias);
		} catch (IOException e) {
			if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
				throw e;
			}
			// KeyStore reports a wrong passphrase as an IOException whose message holds no secret
			throw new IOException(file + ": cannot open PKCS#12 key store (wrong passphrase from " + passphrase.describe()
					+ " or damaged file)", e);
		} catch (GeneralSecurityException e) {
			throw new IOException(file + ": cannot read key \"" + alias + "\": " + e.getMessage(), e);
		} finally {
			SecretSource.wipe(pin);
		}
	}

	/** The AES secret-key object labelled by the URI's {@code object} on a PKCS#11 token. */
	public static StorageKeyStoreMasterKey pkcs11(Pkcs11Uri uri, SecretSource pin, Path defaultModule) throws IOException {
		Pkcs11Session session = Pkcs11Session.login(uri, pin, defaultModule, "key-store");
		try {
			Key key = session.store().getKey(session.label(), null);
			if (key == null) {
				throw new IOException("token in slot " + session.slot() + " has no secret key labelled \"" + session.label() + "\"");
			}
			String what = "token in slot " + session.slot() + ", key \"" + session.label() + "\"";
			return new StorageKeyStoreMasterKey(aes256(key, what), session.provider(), session, uri.toString());
		} catch (GeneralSecurityException e) {
			session.logout();
			throw new IOException("cannot use PKCS#11 key \"" + session.label() + "\": " + e.getMessage(), e);
		} catch (IOException | RuntimeException e) {
			session.logout();
			throw e;
		}
	}

	private static SecretKey aes256(Key key, String where) throws IOException {
		if (!(key instanceof SecretKey s) || !"AES".equalsIgnoreCase(s.getAlgorithm())) {
			throw new IOException(where + " is not an AES secret key");
		}
		// a sensitive token key has no encoding; its size is then checked by the first GCM operation
		byte[] encoded = s.getEncoded();
		if (encoded != null) {
			int bits = encoded.length * 8;
			java.util.Arrays.fill(encoded, (byte) 0);
			if (bits != 256) {
				throw new IOException(where + " is a " + bits + "-bit AES key; the key store needs AES-256");
			}
		}
		return s;
	}

	/** Where the key is ({@code pkcs12:FILE#ALIAS} or the URI), for messages; never secret. */
	public String describe() {
		return description;
	}

	/** AES-GCM encryption: ciphertext followed by the 16-byte tag. */
	byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) throws GeneralSecurityException {
		return cipher(Cipher.ENCRYPT_MODE, nonce, aad).doFinal(plaintext);
	}

	/** AES-GCM decryption; throws {@code AEADBadTagException} if anything was altered. */
	byte[] unseal(byte[] nonce, byte[] aad, byte[] sealed) throws GeneralSecurityException {
		return cipher(Cipher.DECRYPT_MODE, nonce, aad).doFinal(sealed);
	}

	private Cipher cipher(int mode, byte[] nonce, byte[] aad) throws GeneralSecurityException {
		Cipher c = provider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", provider);
		c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		c.updateAAD(aad);
		return c;
	}

	/** Logs out of the token, or destroys the in-memory key where the JDK allows it. */
	@Override
	public void close() {
		if (session != null) {
			session.logout();
			return;
		}
		try {
			key.destroy();
		} catch (DestroyFailedException e) {
			// SecretKeySpec cannot be destroyed before the JDK wipes it; the key lives until collected
		}
	}
}
