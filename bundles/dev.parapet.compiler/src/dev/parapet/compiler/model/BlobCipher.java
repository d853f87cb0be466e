// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.model;

/** Storage ciphers with their schema-1 codes (docs/formats.md 1.3 {@code cipher}). */
public enum BlobCipher {
	PLAIN(0, 0), AES_XTS_128(1, 256), AES_XTS_256(2, 512);

	private final int code;
	private final int keyBits;

	BlobCipher(int code, int keyBits) {
		this.code = code;
		this.keyBits = keyBits;
	}

	public int code() {
		return code;
	}

	/** XTS key size in bits (two AES keys), 0 for plain. */
	public int keyBits() {
		return keyBits;
	}
}
