// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import dev.parapet.policy.ui.PolicyLanguage;
import dev.parapet.policy.ui.internal.model.ModelStructure;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;
import dev.parapet.policy.ui.internal.model.SourceRegions;

/** Finds what a name at a caret position refers to: the declaration, in this file or another of the fleet. */
public final class DeclarationFinder {

	/**
	 * A reference in the text and the declaration it resolves to.
	 *
	 * @param reference region of the referring name in the text
	 * @param target the declared element
	 * @param file the file that declares it
	 * @param targetRegion region of the declared name in that file
	 */
	public record Link(ITextRegion reference, EObject target, URI file, ITextRegion targetRegion) {
	}

	private DeclarationFinder() {
	}

	/** The reference at {@code offset} and its resolved declaration, if the caret is on a resolvable reference. */
	public static Optional<Link> at(PolicySnapshot snapshot, int offset) {
		EObjectAtOffsetHelper helper = PolicyLanguage.get(EObjectAtOffsetHelper.class);
		INode node = helper.getCrossReferenceNode(snapshot.resource(), new TextRegion(offset, 0));
		if (node == null) {
			return Optional.empty();
		}
		EObject target = helper.getCrossReferencedElement(node);
		if (target == null || target.eIsProxy() || target.eResource() == null) {
			return Optional.empty();
		}
		return Optional.of(new Link(new TextRegion(node.getOffset(), node.getLength()), target,
				EcoreUtil.getURI(target).trimFragment(), SourceRegions.significant(target)));
	}

	/**
	 * The element the caret names: the target of a reference at {@code offset}, or the element whose
	 * declared name contains {@code offset}.
	 */
	public static Optional<EObject> namedAt(PolicySnapshot snapshot, int offset) {
		Optional<Link> link = at(snapshot, offset);
		if (link.isPresent()) {
			return Optional.of(link.get().target());
		}
		EObject element = PolicyLanguage.get(EObjectAtOffsetHelper.class).resolveContainedElementAt(snapshot.resource(),
				offset);
		if (element == null || ModelStructure.name(element) == null) {
			return Optional.empty();
		}
		ITextRegion name = SourceRegions.significant(element);
		return name.getOffset() <= offset && offset <= name.getOffset() + name.getLength() ? Optional.of(element)
				: Optional.empty();
	}
}
