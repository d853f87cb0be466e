// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.values;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PCI base class and subclass written as 4 hexadecimal digits, such as {@code 0c03} (USB controller).
 *
 * @param value base class &lt;&lt; 8 | subclass
 */
public record PciClass(int value) {

	private static final Pattern SYNTAX = Pattern.compile("[0-9a-fA-F]{4}");

	/** Parses the text, or returns empty when it is not a PCI class. */
	public static Optional<PciClass> parse(String text) {
		if (text == null || !SYNTAX.matcher(text).matches()) {
			return Optional.empty();
		}
		return Optional.of(new PciClass(Integer.parseInt(text, 16)));
	}

	@Override
	public String toString() {
		return String.format("%04x", value);
	}
}
