// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.parapet.export.bitvisor.ConfigField.Kind;

/**
 * Writes bitvisor.conf and checks every rule of its text format: known keys only, no {@code #} in
 * values (it starts a comment anywhere), no line breaks, decimal numbers (a leading 0 would be
 * octal), strings at least one byte shorter than their field.
 */
public final class ConfigText {

	private ConfigText() {
	}

	/**
	 * @param header comment lines written first (without the leading {@code #})
	 * @throws IllegalArgumentException naming the key when a rule is broken
	 */
	public static String render(BitvisorLayout layout, List<String> header, List<ConfigEntry> entries) {
		StringBuilder text = new StringBuilder();
		for (String line : header) {
			text.append("# ").append(line.replace('\n', ' ')).append('\n');
		}
		for (ConfigEntry entry : entries) {
			check(layout, entry);
			text.append(entry.key()).append('=').append(entry.value()).append('\n');
		}
		return text.toString();
	}

	static void check(BitvisorLayout layout, ConfigEntry entry) {
		ConfigField field = layout.field(entry.key())
				.orElseThrow(() -> new IllegalArgumentException("Unknown BitVisor key " + entry.key()));
		String value = entry.value();
		if (value.indexOf('#') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			throw new IllegalArgumentException(entry.key() + ": value contains '#' or a line break");
		}
		switch (field.kind()) {
		case STRING -> {
			if (value.getBytes(StandardCharsets.UTF_8).length >= field.size()) {
				throw new IllegalArgumentException(entry.key() + ": value needs to be shorter than " + field.size() + " bytes");
			}
		}
		case U8, U16, U32, U64 -> {
			boolean any = value.equals("-1") && (field.kind() == Kind.U8 || field.kind() == Kind.U16);
			if (!any && !value.matches("0|[1-9][0-9]*")) {
				throw new IllegalArgumentException(entry.key() + ": \"" + value + "\" is not a decimal number");
			}
		}
		case FILE -> {
			if (!value.startsWith("/") && !value.startsWith("./")) {
				throw new IllegalArgumentException(entry.key() + ": file must start with / or ./");
			}
		}
		case STORAGE_TYPE, AUTH_METHOD -> {
			// names are checked when the binary is built
		}
		}
	}
}
