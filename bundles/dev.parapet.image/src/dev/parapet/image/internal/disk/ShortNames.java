// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * 8.3 names for directory entries (Microsoft FAT specification, "Basis-Name Generation"). A name
 * that is already a valid upper-case 8.3 name is stored as it is, without long-name entries.
 */
final class ShortNames {

	private static final String SPECIAL = "$%'-_@~`!(){}^#&";

	private ShortNames() {
	}

	/** Whether {@code name} is stored as is, with no long-name entries. */
	static boolean isPlain(String name) {
		return name.equals(name.toUpperCase(Locale.ROOT)) && fits(name);
	}

	/** An 11-byte short name for {@code name} that is not in {@code taken}; adds it to {@code taken}. */
	static byte[] shortName(String name, Set<String> taken) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (fits(upper) && taken.add(pad(upper))) {
			return pad(upper).getBytes(StandardCharsets.US_ASCII);
		}
		int dot = name.lastIndexOf('.');
		String base = clean(dot > 0 ? name.substring(0, dot) : name);
		String ext = clean(dot > 0 ? name.substring(dot + 1) : "");
		if (ext.length() > 3) {
			ext = ext.substring(0, 3);
		}
		if (base.isEmpty()) {
			base = "_";
		}
		for (int n = 1; n < 1_000_000; n++) {
			String tail = "~" + n;
			String b = base.length() + tail.length() > 8 ? base.substring(0, 8 - tail.length()) : base;
			String candidate = pad(b + tail + (ext.isEmpty() ? "" : "." + ext));
			if (taken.add(candidate)) {
				return candidate.getBytes(StandardCharsets.US_ASCII);
			}
		}
		throw new IllegalStateException("no free short name for " + name);
	}

	/** The FAT checksum of an 11-byte short name, stored in each of its long-name entries. */
	static int checksum(byte[] shortName) {
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			sum = (((sum & 1) << 7) + (sum >> 1) + (shortName[i] & 0xff)) & 0xff;
		}
		return sum;
	}

	private static boolean fits(String name) {
		int dot = name.indexOf('.');
		String base = dot < 0 ? name : name.substring(0, dot);
		String ext = dot < 0 ? "" : name.substring(dot + 1);
		if (base.isEmpty() || base.length() > 8 || ext.length() > 3 || (dot >= 0 && ext.isEmpty())) {
			return false;
		}
		return valid(base) && valid(ext);
	}

	private static boolean valid(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SPECIAL.indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
	}

	private static String clean(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == ' ' || c == '.') {
				continue;
			}
			b.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SPECIAL.indexOf(c) >= 0 ? c : '_');
		}
		return b.toString();
	}

	private static String pad(String name83) {
		int dot = name83.indexOf('.');
		String base = dot < 0 ? name83 : name83.substring(0, dot);
		String ext = dot < 0 ? "" : name83.substring(dot + 1);
		return String.format("%-8s%-3s", base, ext);
	}
}
