// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.math.BigInteger;

/**
 * An IP prefix as written in selectors and bypasses ("10.0.0.0/8", "2001:db8::/32", or a single
 * address). Only literal addresses are parsed, never host names; text that does not parse is compared
 * verbatim (contains itself only).
 */
final class Prefix {

	private final String text;
	private final int bits;
	private final BigInteger network;
	private final int length;

	private Prefix(String text, int bits, BigInteger network, int length) {
		this.text = text;
		this.bits = bits;
		this.network = network;
		this.length = length;
	}

	static Prefix parse(String text) {
		String address = text;
		int length = -1;
		int slash = text.indexOf('/');
		try {
			if (slash >= 0) {
				address = text.substring(0, slash);
				length = Integer.parseInt(text.substring(slash + 1));
			}
			byte[] bytes = literal(address);
			if (bytes == null) {
				return new Prefix(text, 0, null, 0);
			}
			int bits = bytes.length * 8;
			if (length < 0) {
				length = bits;
			}
			if (length > bits) {
				return new Prefix(text, 0, null, 0);
			}
			BigInteger value = new BigInteger(1, bytes).shiftRight(bits - length);
			return new Prefix(text, bits, value, length);
		} catch (NumberFormatException e) {
			return new Prefix(text, 0, null, 0);
		}
	}

	/** Whether every address of {@code other} is in this prefix. */
	boolean contains(Prefix other) {
		if (network == null || other.network == null) {
			return text.equals(other.text);
		}
		return bits == other.bits && length <= other.length
				&& other.network.shiftRight(other.length - length).equals(network);
	}

	@Override
	public String toString() {
		return text;
	}

	private static byte[] literal(String address) {
		if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
			return null;
		}
		if (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			return null;
		}
		try {
			// a literal (checked above) never triggers a name lookup
			return java.net.InetAddress.getByName(address).getAddress();
		} catch (java.net.UnknownHostException e) {
			return null;
		}
	}
}
