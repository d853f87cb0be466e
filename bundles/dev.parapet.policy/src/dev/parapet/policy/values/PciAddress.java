// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.values;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI function address {@code [segment:]bus:dev.fn} written in hexadecimal (segment up to 4 digits,
 * bus up to 2, device up to 2 and at most 1f, function 1 digit and at most 7).
 *
 * @param segment  PCI segment (domain), 0 when not written
 * @param bus      bus number, 0..ff
 * @param device   device number, 0..1f
 * @param function function number, 0..7
 */
public record PciAddress(int segment, int bus, int device, int function) {

	private static final Pattern SYNTAX = Pattern.compile(
			"(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

	/** Parses the text, or returns empty when it is not a PCI address. */
	public static Optional<PciAddress> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = SYNTAX.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		int segment = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
		int device = Integer.parseInt(m.group(3), 16);
		if (device > 0x1f) {
			return Optional.empty();
		}
		return Optional.of(new PciAddress(segment, Integer.parseInt(m.group(2), 16), device,
				Integer.parseInt(m.group(4))));
	}

	@Override
	public String toString() {
		return String.format("%04x:%02x:%02x.%d", segment, bus, device, function);
	}
}
