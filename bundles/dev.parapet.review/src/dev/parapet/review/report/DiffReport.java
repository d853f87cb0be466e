// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import dev.parapet.review.FleetDiff;

/** Renders a {@link FleetDiff} in one format. Output is deterministic: same diff, same bytes. */
public interface DiffReport {

	String render(FleetDiff diff);
}
