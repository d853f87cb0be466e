// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.util.ArrayList;
import java.util.List;

/** Every check {@link ImageVerifier} made, in order, with its outcome. */
public final class VerificationReport {

	/** One check: what was checked, whether it passed, and what was seen. */
	public record Check(String name, boolean ok, String detail) {
		/** {@code OK   name: detail} or {@code FAIL name: detail}. */
		@Override
		public String toString() {
			return (ok ? "OK   " : "FAIL ") + name + ": " + detail;
		}
	}

	private final List<Check> checks = new ArrayList<>();

	void pass(String name, String detail) {
		checks.add(new Check(name, true, detail));
	}

	void fail(String name, String detail) {
		checks.add(new Check(name, false, detail));
	}

	/** All checks in the order they were made. */
	public List<Check> checks() {
		return List.copyOf(checks);
	}

	/** Whether every check passed (and there was at least one). */
	public boolean ok() {
		return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
	}
}
