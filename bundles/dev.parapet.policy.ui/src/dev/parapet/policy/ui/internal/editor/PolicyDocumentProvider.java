// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.ui.editors.text.ForwardingDocumentProvider;
import org.eclipse.ui.editors.text.TextFileDocumentProvider;
import org.eclipse.ui.texteditor.IDocumentProvider;

/**
 * Document provider for policy files: text file buffers (workspace files and files outside the
 * workspace alike) with the policy partitioning installed.
 */
public final class PolicyDocumentProvider {

	private static final IDocumentProvider SHARED = new ForwardingDocumentProvider(PolicyPartitions.PARTITIONING,
			new PolicyPartitions(), new TextFileDocumentProvider());

	private PolicyDocumentProvider() {
	}

	/** The provider shared by all policy editors, so that two editors on one file share one document. */
	public static IDocumentProvider shared() {
		return SHARED;
	}
}
