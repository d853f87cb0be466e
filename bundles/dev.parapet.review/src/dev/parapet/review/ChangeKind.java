// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

/** How an element of an effective policy differs between the two versions. */
public enum ChangeKind {
	ADDED, REMOVED, CHANGED,
	/** Same content under another name (rules only; a renamed device is a removal plus an addition). */
	RENAMED;

	public String word() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
