// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.values;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PCI vendor and device id written {@code vvvv:dddd} in hexadecimal, such as {@code 8086:1229}.
 *
 * @param vendor vendor id, 0..ffff
 * @param device device id, 0..ffff
 */
public record PciId(int vendor, int device) {

	private static final Pattern SYNTAX = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{4}");

	/** Parses the text, or returns empty when it is not a PCI id. */
	public static Optional<PciId> parse(String text) {
		if (text == null || !SYNTAX.matcher(text).matches()) {
			return Optional.empty();
		}
		return Optional.of(new PciId(Integer.parseInt(text.substring(0, 4), 16), Integer.parseInt(text.substring(5), 16)));
	}

	@Override
	public String toString() {
		return String.format("%04x:%04x", vendor, device);
	}
}
