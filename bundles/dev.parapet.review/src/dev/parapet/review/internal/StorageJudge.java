// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import dev.parapet.policy.policy.Encryption;
import dev.parapet.policy.policy.StorageRule;
import dev.parapet.review.VerdictRule;

/**
 * Storage rules. Assumption (docs/review.md): sectors that no rule covers pass through in the clear,
 * exactly like an explicit {@code plain} rule, and rules of one device do not overlap (PP validation).
 */
final class StorageJudge implements NamedRules.Judge<StorageRule> {

	@Override
	public void added(StorageRule rule, Findings findings) {
		if (encryption(rule) != null) {
			findings.narrows(VerdictRule.STORAGE_COVERAGE, where(rule) + " now encrypted with "
					+ encryption(rule).getCipher().getLiteral() + " (was plain passthrough)");
		} else {
			findings.neutral(VerdictRule.STORAGE_COVERAGE, where(rule) + " explicitly plain, as without a rule");
		}
	}

	@Override
	public void removed(StorageRule rule, Findings findings) {
		if (encryption(rule) != null) {
			findings.widens(VerdictRule.STORAGE_COVERAGE, where(rule) + " no longer encrypted: falls back to plain passthrough");
		} else {
			findings.neutral(VerdictRule.STORAGE_COVERAGE, where(rule) + " plain rule dropped, still plain passthrough");
		}
	}

	@Override
	public void changed(StorageRule before, StorageRule after, Findings findings) {
		Encryption was = encryption(before);
		Encryption is = encryption(after);
		if (!Canon.target(before).equals(Canon.target(after))) {
			String move = "disk " + Canon.target(before) + " -> " + Canon.target(after);
			if (was != null) {
				findings.widens(VerdictRule.STORAGE_COVERAGE, move + ": " + Canon.target(before) + " is left plain");
			}
			if (is != null) {
				findings.narrows(VerdictRule.STORAGE_COVERAGE, move + ": " + Canon.target(after) + " now encrypted");
			}
			if (was == null && is == null) {
				findings.neutral(VerdictRule.STORAGE_COVERAGE, move);
			}
		} else if (!Canon.range(before).equals(Canon.range(after)) && (was != null || is != null)) {
			range(before, after, was != null && is != null, findings);
		}
		Protections.compare(was, is, findings);
	}

	private static void range(StorageRule before, StorageRule after, boolean bothEncrypted, Findings findings) {
		long[] was = Canon.sectors(before);
		long[] is = Canon.sectors(after);
		String change = "range " + Canon.range(before) + " -> " + Canon.range(after);
		boolean loses = is[0] > was[0] || is[1] < was[1];
		boolean gains = is[0] < was[0] || is[1] > was[1];
		if (!bothEncrypted) {
			findings.neutral(VerdictRule.STORAGE_COVERAGE, change);
		} else if (loses) {
			findings.widens(VerdictRule.STORAGE_COVERAGE, change + ": sectors left unencrypted");
		} else if (gains) {
			findings.narrows(VerdictRule.STORAGE_COVERAGE, change + ": more sectors encrypted");
		}
	}

	private static Encryption encryption(StorageRule rule) {
		return rule.getProtection() instanceof Encryption encryption ? encryption : null;
	}

	private static String where(StorageRule rule) {
		return Canon.target(rule) + " " + Canon.range(rule);
	}
}
