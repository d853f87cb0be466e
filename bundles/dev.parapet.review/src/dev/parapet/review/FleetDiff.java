// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

import java.util.List;

/**
 * The semantic difference of two versions of a fleet.
 *
 * @param before  label of the old version
 * @param after   label of the new version
 * @param changes the changes, fleet-wide first, then by device name, then in policy order
 * @param summary the headline
 */
public record FleetDiff(String before, String after, List<Change> changes, FleetSummary summary) {

	/** Whether any change widens: the CI gate of {@code parapet diff --fail-on widens}. */
	public boolean widens() {
		return summary.count(Verdict.WIDENS) > 0;
	}

	public boolean isEmpty() {
		return changes.isEmpty();
	}
}
