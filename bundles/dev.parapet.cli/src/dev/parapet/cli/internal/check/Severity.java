// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.util.List;

/** How bad a finding is; only errors make {@code parapet check} exit with 1. */
public enum Severity {
	/** The fleet cannot be compiled as written. */
	ERROR("error"),
	/** Legal but probably not what was meant. */
	WARNING("warning"),
	/** A remark. */
	INFO("info");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	/**
	 * @param findings some findings
	 * @return how many of them have this severity
	 */
	public long countIn(List<Finding> findings) {
		return findings.stream().filter(finding -> finding.severity() == this).count();
	}

	/** @return the lower-case word used in text and JSON output */
	public String label() {
		return label;
	}
}
