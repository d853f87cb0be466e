// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, which every JDK has: its absence is a broken runtime, not a condition to handle. */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] of(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 missing from the JDK", e);
		}
	}
}
