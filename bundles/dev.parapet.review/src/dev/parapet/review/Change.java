// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

import java.util.Optional;

/**
 * One difference between the effective policies of a device in two versions of a fleet.
 *
 * @param device  the device name; empty for fleet-wide changes ({@link ElementKind#isFleetWide()})
 * @param kind    the kind of element
 * @param element the element's name (rule name, or the setting keyword for single settings)
 * @param change  added, removed, changed or renamed
 * @param verdict widens, narrows or neutral
 * @param rule    the verdict rule that decided (docs/review.md lists them all)
 * @param reason  one line for humans
 * @param before  where the element is written in the old version; empty for additions and language defaults
 * @param after   where the element is written in the new version; empty for removals and language defaults
 * @param mixed   whether the change both widens and narrows (a substitution: another CA, another disk,
 *                another signing key); its verdict is then the worse, WIDENS, in both directions
 */
public record Change(String device, ElementKind kind, String element, ChangeKind change, Verdict verdict,
		VerdictRule rule, String reason, Optional<SourceLocation> before, Optional<SourceLocation> after,
		boolean mixed) {

	/** The device, or the word "fleet" for fleet-wide changes. */
	public String subject() {
		return device.isEmpty() ? "fleet" : device;
	}

	/** The location to point reviewers at: the new one, or the old one for removals. */
	public Optional<SourceLocation> primaryLocation() {
		return after.isPresent() ? after : before;
	}

	/** "usb match kingston" or "usb default". */
	public String title() {
		return kind.keyword().endsWith(element) ? kind.keyword() : kind.keyword() + " " + element;
	}
}
