// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

/**
 * What a change does to the device's exposure. Declared from the most to the least severe, so
 * {@link #compareTo} orders by severity.
 */
public enum Verdict {
	/** Something is allowed, readable, reachable or trusted that was not before. */
	WIDENS,
	/** Something that was allowed, readable, reachable or trusted no longer is. */
	NARROWS,
	/** Effective behaviour changes, but not in a direction of access (rename, rotation, inventory). */
	NEUTRAL;

	/** The lower-case word used in reports, SARIF rule ids and {@code --fail-on}. */
	public String word() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The more severe of the two. */
	public Verdict worst(Verdict other) {
		return compareTo(other) <= 0 ? this : other;
	}
}
