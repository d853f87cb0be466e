// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.IpPrefix;
import dev.parapet.compiler.model.PciSelector;
import dev.parapet.compiler.model.SourceLink;

/**
 * Parses the string literals of the language (hex ids, PCI addresses, IP literals). Never resolves
 * names: an IP "address" that is not a literal is an error, not a DNS look-up.
 */
public final class TextValues {

	private static final Pattern HEX = Pattern.compile("(?:0[xX])?([0-9a-fA-F]{1,8})");
	private static final Pattern PCI_ID = Pattern.compile("([0-9a-fA-F]{4}):([0-9a-fA-F]{4})");
	private static final Pattern PCI_ADDRESS = Pattern
			.compile("(?:([0-9a-fA-F]{4}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])");
	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private TextValues() {
	}

	/** A hexadecimal number (optional 0x) not above {@code max}. */
	public static int hex(String text, int max, SourceLink source, String field) throws CompileException {
		Matcher m = HEX.matcher(text);
		if (!m.matches()) {
			throw new CompileException(source, field + ": \"" + text + "\" is not a hexadecimal number");
		}
		long value = Long.parseLong(m.group(1), 16);
		if (value > max) {
			throw new CompileException(source, field + ": \"" + text + "\" is larger than 0x" + Integer.toHexString(max));
		}
		return (int) value;
	}

	public static PciSelector pciId(String text, SourceLink source) throws CompileException {
		Matcher m = PCI_ID.matcher(text);
		if (!m.matches()) {
			throw new CompileException(source, "pci-id: \"" + text + "\" is not vendor:device in hex (8086:15bb)");
		}
		return new PciSelector.ById(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16));
	}

	public static PciSelector pciAddress(String text, SourceLink source) throws CompileException {
		Matcher m = PCI_ADDRESS.matcher(text);
		if (!m.matches()) {
			throw new CompileException(source, "pci-address: \"" + text + "\" is not [segment:]bus:device.function");
		}
		int device = Integer.parseInt(m.group(3), 16);
		if (device > 31) {
			throw new CompileException(source, "pci-address: device " + device + " of \"" + text + "\" is above 31");
		}
		return new PciSelector.ByAddress(m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16),
				Integer.parseInt(m.group(2), 16), device, Integer.parseInt(m.group(4)));
	}

	public static PciSelector pciClass(String text, SourceLink source) throws CompileException {
		if (!text.matches("[0-9a-fA-F]{4}")) {
			throw new CompileException(source, "pci-class: \"" + text + "\" is not base class and subclass in hex (0c03)");
		}
		return new PciSelector.ByClass(Integer.parseInt(text, 16));
	}

	/** An IPv4 or IPv6 literal. */
	public static InetAddress address(String text, SourceLink source, String field) throws CompileException {
		Matcher v4 = IPV4.matcher(text);
		try {
			if (v4.matches()) {
				byte[] bytes = new byte[4];
				for (int i = 0; i < 4; i++) {
					int octet = Integer.parseInt(v4.group(i + 1));
					if (octet > 255) {
						throw new CompileException(source, field + ": \"" + text + "\" is not an IPv4 address");
					}
					bytes[i] = (byte) octet;
				}
				return InetAddress.getByAddress(bytes);
			}
			if (IPV6.matcher(text).matches()) {
				// a literal containing ':' is parsed, never looked up
				InetAddress parsed = InetAddress.getByName(text);
				if (parsed.getAddress().length == 16) {
					return InetAddress.getByAddress(parsed.getAddress());
				}
				return parsed;
			}
		} catch (UnknownHostException e) {
			throw new CompileException(source, field + ": \"" + text + "\" is not an IP address");
		}
		throw new CompileException(source, field + ": \"" + text + "\" is not an IPv4 or IPv6 address literal");
	}

	/** {@code address/length}; a bare address means a host prefix (/32 or /128). */
	public static IpPrefix prefix(String text, SourceLink source, String field) throws CompileException {
		int slash = text.indexOf('/');
		InetAddress address = address(slash < 0 ? text : text.substring(0, slash), source, field);
		int max = address.getAddress().length * 8;
		int length = max;
		if (slash >= 0) {
			String bits = text.substring(slash + 1);
			if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
				throw new CompileException(source, field + ": prefix length of \"" + text + "\" is not 0.." + max);
			}
			length = Integer.parseInt(bits);
		}
		return new IpPrefix(address, length);
	}
}
