// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import dev.parapet.review.Change;
import dev.parapet.review.ChangeKind;
import dev.parapet.review.ElementKind;
import dev.parapet.review.FleetVersion;
import dev.parapet.review.SourceLocation;
import dev.parapet.review.Verdict;
import dev.parapet.review.VerdictRule;

/** Collects the changes of one device (or of the fleet header), locating each on both sides. */
final class Emitter {

	private final String device;
	private final FleetVersion before;
	private final FleetVersion after;
	private final List<Change> changes = new ArrayList<>();

	Emitter(String device, FleetVersion before, FleetVersion after) {
		this.device = device;
		this.before = before;
		this.after = after;
	}

	/** Emits one change whose verdict the findings decide; nothing if there are no findings. */
	void emit(ElementKind kind, String element, ChangeKind change, Findings findings, Optional<SourceLocation> was,
			Optional<SourceLocation> is) {
		if (findings.isEmpty()) {
			return;
		}
		Findings.Finding decision = findings.decide();
		changes.add(new Change(device, kind, element, change, decision.verdict(), decision.rule(), decision.reason(), was,
				is, findings.isMixed()));
	}

	void emit(ElementKind kind, String element, ChangeKind change, Verdict verdict, VerdictRule rule, String reason,
			Optional<SourceLocation> was, Optional<SourceLocation> is) {
		changes.add(new Change(device, kind, element, change, verdict, rule, reason, was, is, false));
	}

	Optional<SourceLocation> before(EObject element) {
		return before.locate(element);
	}

	Optional<SourceLocation> after(EObject element) {
		return after.locate(element);
	}

	Optional<SourceLocation> before(EObject element, EStructuralFeature feature) {
		return before.locate(element, feature);
	}

	Optional<SourceLocation> after(EObject element, EStructuralFeature feature) {
		return after.locate(element, feature);
	}

	List<Change> changes() {
		return changes;
	}
}
