// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.model;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;

import dev.parapet.policy.ui.PolicyLanguage;

/** Where a model element is written: its name (to select) and its whole text (to find it at a caret). */
public final class SourceRegions {

	private SourceRegions() {
	}

	/** The region to select when jumping to the element: its name, or its first keyword. */
	public static ITextRegion significant(EObject object) {
		return PolicyLanguage.get(ILocationInFileProvider.class).getSignificantTextRegion(object);
	}

	/** The whole text of the element. */
	public static ITextRegion full(EObject object) {
		return PolicyLanguage.get(ILocationInFileProvider.class).getFullTextRegion(object);
	}
}
