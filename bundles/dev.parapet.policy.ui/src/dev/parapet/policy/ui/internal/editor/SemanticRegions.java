// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;

import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/** Computes the semantic colouring of a snapshot: declared names and references to them. */
final class SemanticRegions {

	/** A coloured range of the text. */
	record Region(int offset, int length, TextAttribute style) {
	}

	private SemanticRegions() {
	}

	static List<Region> of(PolicySnapshot snapshot) {
		List<Region> regions = new ArrayList<>();
		IParseResult parse = snapshot.resource().getParseResult();
		if (parse == null || parse.getRootASTElement() == null) {
			return regions;
		}
		for (Iterator<EObject> it = parse.getRootASTElement().eAllContents(); it.hasNext();) {
			EObject object = it.next();
			EStructuralFeature name = object.eClass().getEStructuralFeature("name");
			if (name != null) {
				for (INode node : NodeModelUtils.findNodesForFeature(object, name)) {
					regions.add(new Region(node.getOffset(), node.getLength(), PolicyStyles.DECLARATION));
				}
			}
		}
		for (ILeafNode leaf : parse.getRootNode().getLeafNodes()) {
			if (!leaf.isHidden() && isInCrossReference(leaf)) {
				regions.add(new Region(leaf.getOffset(), leaf.getLength(), PolicyStyles.REFERENCE));
			}
		}
		return regions;
	}

	/**
	 * Whether the leaf spells a cross-reference: directly, or through the {@code ValidID} datatype rule
	 * that lets a language word be a name, whose call node is the one inside the cross-reference.
	 */
	private static boolean isInCrossReference(ILeafNode leaf) {
		if (isInCrossReference(leaf.getGrammarElement())) {
			return true;
		}
		INode parent = leaf.getParent();
		return parent != null && isInCrossReference(parent.getGrammarElement());
	}

	private static boolean isInCrossReference(EObject grammarElement) {
		return grammarElement != null && EcoreUtil2.getContainerOfType(grammarElement, CrossReference.class) != null;
	}
}
