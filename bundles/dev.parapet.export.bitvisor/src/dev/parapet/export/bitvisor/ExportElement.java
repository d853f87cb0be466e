// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import dev.parapet.compiler.model.SourceLink;

/**
 * One element of the device policy and what the export does with it.
 *
 * @param element  the element as a reviewer recognises it ("disk system", "peer hq")
 * @param source   where it was written
 * @param outcome  mapped, or degraded (weakened or dropped)
 * @param detail   the BitVisor keys it maps to, or why stock BitVisor cannot express it
 */
public record ExportElement(String element, SourceLink source, Outcome outcome, String detail) {

	public enum Outcome {
		MAPPED, DEGRADED
	}

	public boolean isDegraded() {
		return outcome == Outcome.DEGRADED;
	}
}
