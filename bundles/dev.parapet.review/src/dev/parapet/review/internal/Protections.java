// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.Objects;
import java.util.TreeSet;

import dev.parapet.policy.policy.Encryption;
import dev.parapet.policy.policy.KeyOrigin;
import dev.parapet.policy.policy.RecoveryCertificate;
import dev.parapet.policy.policy.StorageKey;
import dev.parapet.review.VerdictRule;

/** Verdicts on encryption (storage rules and USB {@code encrypt} actions) and the keys behind it. */
final class Protections {

	private Protections() {
	}

	/** Plain (null) or encrypted, before and after. */
	static void compare(Encryption before, Encryption after, Findings findings) {
		if (before == null && after == null) {
			return;
		}
		if (before == null) {
			findings.narrows(VerdictRule.STORAGE_PROTECTION, "plain -> " + after.getCipher().getLiteral());
			return;
		}
		if (after == null) {
			findings.widens(VerdictRule.STORAGE_PROTECTION, before.getCipher().getLiteral() + " -> plain");
			return;
		}
		int was = Strengths.CIPHER_BITS.get(before.getCipher());
		int is = Strengths.CIPHER_BITS.get(after.getCipher());
		String change = before.getCipher().getLiteral() + " -> " + after.getCipher().getLiteral();
		if (is < was) {
			findings.widens(VerdictRule.STORAGE_PROTECTION, change + " (weaker)");
		} else if (is > was) {
			findings.narrows(VerdictRule.STORAGE_PROTECTION, change + " (stronger)");
		}
		keys(before.getKey(), after.getKey(), findings);
	}

	static void keys(StorageKey before, StorageKey after, Findings findings) {
		if (Canon.key(before).equals(Canon.key(after))) {
			return;
		}
		if (before == null || after == null || before.eIsProxy() || after.eIsProxy()) {
			findings.neutral(VerdictRule.KEY_IDENTITY, "key " + Canon.key(before) + " -> " + Canon.key(after));
			return;
		}
		String key = "key " + after.getName();
		if (!before.getName().equals(after.getName())) {
			findings.neutral(VerdictRule.KEY_IDENTITY, "key " + before.getName() + " -> " + after.getName());
		}
		int was = Strengths.KEY_BITS.get(before.getStrength());
		int is = Strengths.KEY_BITS.get(after.getStrength());
		if (is != was) {
			findings.add(is < was ? dev.parapet.review.Verdict.WIDENS : dev.parapet.review.Verdict.NARROWS,
					VerdictRule.KEY_STRENGTH, key + " strength " + before.getStrength().getLiteral() + " -> "
							+ after.getStrength().getLiteral());
		}
		holders(key, Principals.of(before.getWrapTo()), Principals.of(after.getWrapTo()), findings);
		escrow(key, before.getEscrow(), after.getEscrow(), findings);
		if (before.getOrigin() != after.getOrigin()) {
			String change = key + " origin " + before.getOrigin().getLiteral() + " -> " + after.getOrigin().getLiteral();
			if (after.getOrigin() == KeyOrigin.ESCROWED) {
				findings.widens(VerdictRule.KEY_ORIGIN, change);
			} else {
				findings.narrows(VerdictRule.KEY_ORIGIN, change);
			}
		}
		if (before.getGeneration() != after.getGeneration()) {
			findings.neutral(VerdictRule.KEY_IDENTITY,
					key + " generation " + before.getGeneration() + " -> " + after.getGeneration());
		}
	}

	private static void holders(String key, TreeSet<String> before, TreeSet<String> after, Findings findings) {
		findings.members(VerdictRule.KEY_HOLDERS, before, after, key + " can now be unwrapped by ",
				key + " no longer unwrapped by ");
	}

	private static void escrow(String key, RecoveryCertificate before, RecoveryCertificate after, Findings findings) {
		String was = before == null ? null : Canon.recovery(before);
		String is = after == null ? null : Canon.recovery(after);
		if (Objects.equals(was, is)) {
			return;
		}
		if (is == null) {
			findings.narrows(VerdictRule.KEY_ESCROW, key + " no longer escrowed to " + before.getName());
		} else {
			findings.widens(VerdictRule.KEY_ESCROW, key + " now escrowed to " + after.getName()
					+ (was == null ? "" : " (was " + before.getName() + ")"));
		}
	}
}
