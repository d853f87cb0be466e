// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EStructuralFeature;

import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.review.Change;
import dev.parapet.review.ChangeKind;
import dev.parapet.review.ElementKind;
import dev.parapet.review.FleetVersion;
import dev.parapet.review.VerdictRule;

/** Compares the fleet headers: runtime, signing keys and the rollback counter. */
public final class FleetHeaderDiffer {

	private final FleetVersion before;
	private final FleetVersion after;

	public FleetHeaderDiffer(FleetVersion before, FleetVersion after) {
		this.before = before;
		this.after = after;
	}

	public List<Change> diff() {
		Emitter out = new Emitter("", before, after);
		Optional<Fleet> was = before.fleet();
		Optional<Fleet> is = after.fleet();
		value(out, ElementKind.FLEET_RUNTIME, "runtime", was.map(f -> Canon.runtime(f.getRuntime())).orElse("-"),
				is.map(f -> Canon.runtime(f.getRuntime())).orElse("-"), Literals.FLEET__RUNTIME, VerdictRule.FLEET_RUNTIME, false);
		value(out, ElementKind.FLEET_SIGNING_KEY, "policy-signing-key",
				was.map(f -> Canon.keyReference(f.getPolicySigningKey())).orElse("-"),
				is.map(f -> Canon.keyReference(f.getPolicySigningKey())).orElse("-"), Literals.FLEET__POLICY_SIGNING_KEY,
				VerdictRule.FLEET_KEYS, true);
		value(out, ElementKind.FLEET_SECURE_BOOT_KEY, "secure-boot-key",
				was.map(f -> Canon.keyReference(f.getSecureBootKey())).orElse("-"),
				is.map(f -> Canon.keyReference(f.getSecureBootKey())).orElse("-"), Literals.FLEET__SECURE_BOOT_KEY,
				VerdictRule.FLEET_KEYS, true);
		long counterBefore = was.map(Fleet::getRollbackCounter).orElse(0L);
		long counterAfter = is.map(Fleet::getRollbackCounter).orElse(0L);
		if (counterBefore != counterAfter) {
			Findings findings = new Findings();
			String change = "rollback-counter " + counterBefore + " -> " + counterAfter;
			if (counterAfter < counterBefore) {
				findings.widens(VerdictRule.FLEET_ROLLBACK, change + ": older signed policies are accepted again");
			} else {
				findings.narrows(VerdictRule.FLEET_ROLLBACK, change + ": older signed policies are refused");
			}
			emit(out, ElementKind.FLEET_ROLLBACK_COUNTER, "rollback-counter", findings, Literals.FLEET__ROLLBACK_COUNTER);
		}
		return out.changes();
	}

	private void value(Emitter out, ElementKind kind, String element, String was, String is, EStructuralFeature feature,
			VerdictRule rule, boolean anotherWidens) {
		if (was.equals(is)) {
			return;
		}
		Findings findings = new Findings();
		String change = element + " " + was + " -> " + is;
		if (anotherWidens && !is.equals("-")) {
			findings.widens(rule, change + ": a new signer is trusted");
			if (!was.equals("-")) {
				findings.narrows(rule, element + " " + was + " no longer trusted");
			}
		} else {
			findings.neutral(rule, change);
		}
		emit(out, kind, element, findings, feature);
	}

	private void emit(Emitter out, ElementKind kind, String element, Findings findings, EStructuralFeature feature) {
		out.emit(kind, element, ChangeKind.CHANGED, findings,
				before.fleet().flatMap(f -> out.before(f, feature)), after.fleet().flatMap(f -> out.after(f, feature)));
	}
}
