// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.values;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address with a prefix length, written {@code address} or {@code address/length}.
 * Only literal addresses are accepted; nothing is ever looked up in DNS.
 *
 * @param address 4 or 16 bytes, network byte order
 * @param length  prefix length; the full address length when not written
 */
public record IpPrefix(byte[] address, int length) {

	private static final Pattern IPV4 = Pattern.compile(
			"(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");
	private static final Pattern LENGTH = Pattern.compile("0|[1-9]\\d{0,2}");

	public IpPrefix {
		address = address.clone();
	}

	@Override
	public byte[] address() {
		return address.clone();
	}

	/** Parses a plain address (no prefix length allowed). */
	public static Optional<IpPrefix> parseAddress(String text) {
		return text == null || text.indexOf('/') >= 0 ? Optional.empty() : parse(text);
	}

	/** Parses an address with an optional {@code /length}. */
	public static Optional<IpPrefix> parse(String text) {
		if (text == null || text.isEmpty()) {
			return Optional.empty();
		}
		int slash = text.indexOf('/');
		String addressText = slash < 0 ? text : text.substring(0, slash);
		byte[] bytes = literal(addressText);
		if (bytes == null) {
			return Optional.empty();
		}
		int length = bytes.length * 8;
		if (slash >= 0) {
			String lengthText = text.substring(slash + 1);
			if (!LENGTH.matcher(lengthText).matches() || Integer.parseInt(lengthText) > bytes.length * 8) {
				return Optional.empty();
			}
			length = Integer.parseInt(lengthText);
		}
		return Optional.of(new IpPrefix(bytes, length));
	}

	private static byte[] literal(String text) {
		if (IPV4.matcher(text).matches()) {
			String[] parts = text.split("\\.");
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				bytes[i] = (byte) Integer.parseInt(parts[i]);
			}
			return bytes;
		}
		if (text.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(text).matches()) {
			return null;
		}
		try {
			// a text with ':' is parsed as an IPv6 literal and never resolved
			InetAddress parsed = InetAddress.getByName(text);
			return parsed instanceof Inet6Address ? parsed.getAddress() : null;
		} catch (UnknownHostException e) {
			return null;
		}
	}

	/** Whether this is an IPv6 prefix. */
	public boolean isIpv6() {
		return address.length == 16;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpPrefix that && length == that.length && Arrays.equals(address, that.address);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(address) * 31 + length;
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(address).getHostAddress() + "/" + length;
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}
}
