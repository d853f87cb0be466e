// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.manifest;

/** JSON string literals for the documents the baker writes by hand (SBOM, fleet bundle manifest). */
public final class JsonStrings {

	private JsonStrings() {
	}

	/** The string as a quoted JSON literal (RFC 8259 §7): quote, backslash and control characters escaped. */
	public static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			case '\n' -> b.append("\\n");
			case '\r' -> b.append("\\r");
			case '\t' -> b.append("\\t");
			default -> {
				if (c < 0x20) {
					b.append(String.format("\\u%04x", (int) c));
				} else {
					b.append(c);
				}
			}
			}
		}
		return b.append('"').toString();
	}
}
