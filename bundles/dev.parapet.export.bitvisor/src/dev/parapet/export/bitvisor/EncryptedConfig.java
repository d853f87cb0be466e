// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * module2.bin for uefi-loader-login: 8-byte salt || AES-256-CBC(config zero-padded to 16 bytes) with
 * key || IV = PBKDF2-HMAC-SHA1(passphrase, salt, 1024 iterations, 48 bytes). This is stock BitVisor's
 * format and its weaknesses (SHA-1, 1024 iterations, no MAC) are reported, not repaired.
 */
public final class EncryptedConfig {

	public static final int SALT_LENGTH = 8;
	public static final int ITERATIONS = 1024;

	private EncryptedConfig() {
	}

	public static byte[] encrypt(byte[] config, char[] passphrase, SecureRandom random) throws GeneralSecurityException {
		byte[] salt = new byte[SALT_LENGTH];
		random.nextBytes(salt);
		byte[] padded = Arrays.copyOf(config, (config.length + 15) / 16 * 16);
		byte[] body = cipher(Cipher.ENCRYPT_MODE, passphrase, salt).doFinal(padded);
		byte[] out = Arrays.copyOf(salt, SALT_LENGTH + body.length);
		System.arraycopy(body, 0, out, SALT_LENGTH, body.length);
		Arrays.fill(padded, (byte) 0);
		return out;
	}

	/** The padded plaintext; a wrong passphrase yields garbage (the format has no MAC). */
	public static byte[] decrypt(byte[] module, char[] passphrase) throws GeneralSecurityException {
		if (module.length < SALT_LENGTH + 16 || (module.length - SALT_LENGTH) % 16 != 0) {
			throw new GeneralSecurityException("module2.bin has the wrong length");
		}
		return cipher(Cipher.DECRYPT_MODE, passphrase, Arrays.copyOf(module, SALT_LENGTH)).doFinal(module, SALT_LENGTH,
				module.length - SALT_LENGTH);
	}

	private static Cipher cipher(int mode, char[] passphrase, byte[] salt) throws GeneralSecurityException {
		PBEKeySpec spec = new PBEKeySpec(passphrase, salt, ITERATIONS, 48 * 8);
		byte[] keyAndIv = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
		spec.clearPassword();
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(mode, new SecretKeySpec(keyAndIv, 0, 32, "AES"), new IvParameterSpec(keyAndIv, 32, 16));
			return cipher;
		} finally {
			Arrays.fill(keyAndIv, (byte) 0);
		}
	}
}
