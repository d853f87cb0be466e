// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.model;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

import dev.parapet.policy.policy.PolicyFile;

/**
 * One parse of a policy text together with the rest of its fleet and the validation issues of that
 * text. A snapshot is never modified after it was built, so readers on any thread may share it.
 */
public final class PolicySnapshot {

	private final String text;
	private final XtextResource resource;
	private final List<Issue> issues;

	PolicySnapshot(String text, XtextResource resource, List<Issue> issues) {
		this.text = text;
		this.resource = resource;
		this.issues = List.copyOf(issues);
	}

	/** The text this snapshot was parsed from. */
	public String text() {
		return text;
	}

	/** The parsed resource, inside a resource set holding the other files of the fleet. */
	public XtextResource resource() {
		return resource;
	}

	/** Validation issues of this text (empty when the snapshot was parsed without validation). */
	public List<Issue> issues() {
		return issues;
	}

	/** The root of the model, absent only for a text that did not produce one. */
	public Optional<PolicyFile> model() {
		return resource.getContents().isEmpty() ? Optional.empty()
				: Optional.of((PolicyFile) resource.getContents().get(0));
	}

	/** Whether the snapshot was parsed from exactly this text. */
	public boolean isOf(String otherText) {
		return text.equals(otherText);
	}
}
