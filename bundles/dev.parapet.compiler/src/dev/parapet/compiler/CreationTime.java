// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.util.Map;
import java.util.Optional;

/**
 * The creation time written into blobs. It never comes from the wall clock: an explicit value
 * ({@code --created}) wins, else {@code SOURCE_DATE_EPOCH}; with neither, compiling is refused so
 * that rebuilding the same sources always gives the same bytes.
 */
public final class CreationTime {

	public static final String VARIABLE = "SOURCE_DATE_EPOCH";

	private CreationTime() {
	}

	/**
	 * @param explicit    a value given on the command line, if any
	 * @param environment the process environment
	 * @return seconds since the epoch
	 * @throws IllegalArgumentException with a message for the user if no valid time is given
	 */
	public static long resolve(Optional<String> explicit, Map<String, String> environment) {
		if (explicit.isPresent()) {
			return parse(explicit.get(), "--created");
		}
		String variable = environment.get(VARIABLE);
		if (variable == null || variable.isBlank()) {
			throw new IllegalArgumentException("No creation time: set " + VARIABLE
					+ " (seconds since 1970, e.g. the commit time: git log -1 --format=%ct) or pass --created; "
					+ "the wall clock is never used so that builds are reproducible");
		}
		return parse(variable.strip(), VARIABLE);
	}

	private static long parse(String text, String origin) {
		if (!text.matches("\\d{1,19}")) {
			throw new IllegalArgumentException(origin + " must be a non-negative decimal number of seconds, not \"" + text + "\"");
		}
		try {
			return Long.parseLong(text);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(origin + " is too large", e);
		}
	}
}
