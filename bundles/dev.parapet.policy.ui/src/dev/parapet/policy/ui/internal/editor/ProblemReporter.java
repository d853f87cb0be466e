// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.core.runtime.CoreException;

import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/** Shows the validation issues of a snapshot: as workspace markers, or as editor annotations. */
@FunctionalInterface
interface ProblemReporter {

	/** Replaces the problems shown before by those of {@code snapshot}; may run off the UI thread. */
	void report(PolicySnapshot snapshot) throws CoreException;
}
