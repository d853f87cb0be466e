// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.linking;

import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.linking.lazy.LazyLinker;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Lazy linker that never climbs from an element's node into the node of a fragment call.
 * <p>
 * A section such as {@code LoginSection: {LoginSection} 'login' ...} is created by a leading action;
 * Xtext places that action's node directly under the node of the {@code Sections} fragment call of
 * the enclosing device. The default linker then climbs into the fragment node while looking for the
 * section's cross-references, meets the device's {@code model} reference and fails with
 * "Couldn't find EReference". A fragment's references belong to the element that called it and are
 * installed by the superclass's explicit fragment recursion.
 */
public class PolicyLinker extends LazyLinker {

	@Override
	protected boolean shouldCheckParentNode(INode node) {
		ICompositeNode parent = node.getParent();
		if (parent != null && parent.getGrammarElement() instanceof RuleCall call
				&& call.getRule() instanceof ParserRule rule && rule.isFragment()) {
			return false;
		}
		return super.shouldCheckParentNode(node);
	}
}
