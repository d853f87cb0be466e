// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;

import dev.parapet.review.ChangeKind;
import dev.parapet.review.ElementKind;
import dev.parapet.review.Verdict;
import dev.parapet.review.VerdictRule;

/**
 * Matches the named rules of one kind by name (the language merges them by name too), pairs what is
 * left over by identical content as renames, and lets a {@link Judge} decide the rest.
 */
final class NamedRules<R extends EObject> {

	/** The verdict rules of one rule kind. */
	interface Judge<R> {
		void added(R rule, Findings findings);

		void removed(R rule, Findings findings);

		void changed(R before, R after, Findings findings);
	}

	private final ElementKind kind;
	private final Function<R, String> name;
	private final Function<R, String> canon;
	private final Judge<R> judge;

	NamedRules(ElementKind kind, Function<R, String> name, Function<R, String> canon, Judge<R> judge) {
		this.kind = kind;
		this.name = name;
		this.canon = canon;
		this.judge = judge;
	}

	void diff(Emitter out, List<R> before, List<R> after) {
		Map<String, R> oldByName = byName(before);
		Map<String, R> newByName = byName(after);
		List<R> removed = new ArrayList<>();
		for (Map.Entry<String, R> entry : oldByName.entrySet()) {
			R now = newByName.get(entry.getKey());
			if (now == null) {
				removed.add(entry.getValue());
			} else if (!canon.apply(entry.getValue()).equals(canon.apply(now))) {
				Findings findings = new Findings();
				judge.changed(entry.getValue(), now, findings);
				if (findings.isEmpty()) {
					findings.neutral(VerdictRule.UNCLASSIFIED, "content changed: " + canon.apply(entry.getValue())
							+ " -> " + canon.apply(now));
				}
				out.emit(kind, entry.getKey(), ChangeKind.CHANGED, findings, out.before(entry.getValue()), out.after(now));
			}
		}
		List<R> added = new ArrayList<>();
		for (Map.Entry<String, R> entry : newByName.entrySet()) {
			if (!oldByName.containsKey(entry.getKey())) {
				added.add(entry.getValue());
			}
		}
		pairRenames(out, removed, added);
		for (R rule : removed) {
			Findings findings = new Findings();
			judge.removed(rule, findings);
			emitOrNeutral(out, rule, ChangeKind.REMOVED, findings, out.before(rule), Optional.empty());
		}
		for (R rule : added) {
			Findings findings = new Findings();
			judge.added(rule, findings);
			emitOrNeutral(out, rule, ChangeKind.ADDED, findings, Optional.empty(), out.after(rule));
		}
	}

	private void pairRenames(Emitter out, List<R> removed, List<R> added) {
		for (Iterator<R> gone = removed.iterator(); gone.hasNext();) {
			R old = gone.next();
			String content = canon.apply(old);
			for (Iterator<R> fresh = added.iterator(); fresh.hasNext();) {
				R now = fresh.next();
				if (canon.apply(now).equals(content)) {
					out.emit(kind, name.apply(now), ChangeKind.RENAMED, Verdict.NEUTRAL, VerdictRule.RULE_RENAMED,
							"renamed from " + name.apply(old) + ", content unchanged", out.before(old), out.after(now));
					gone.remove();
					fresh.remove();
					break;
				}
			}
		}
	}

	private void emitOrNeutral(Emitter out, R rule, ChangeKind change, Findings findings,
			Optional<dev.parapet.review.SourceLocation> was, Optional<dev.parapet.review.SourceLocation> is) {
		if (findings.isEmpty()) {
			findings.neutral(VerdictRule.UNCLASSIFIED, change.word() + ": " + canon.apply(rule));
		}
		out.emit(kind, name.apply(rule), change, findings, was, is);
	}

	private Map<String, R> byName(List<R> rules) {
		Map<String, R> map = new LinkedHashMap<>();
		for (R rule : rules) {
			map.putIfAbsent(name.apply(rule), rule);
		}
		return map;
	}
}
