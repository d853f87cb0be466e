// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.linking;

import org.eclipse.xtext.Action;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.linking.lazy.LazyLinker;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Works around an Xtext linker fault with our grammar's shape. Sections start with an action
 * ({@code {LoginSection} 'login' ...}) and are assigned inside the {@code Sections} fragment. The node
 * of such an object is the action's node; the stock linker then also scans the fragment's node, finds
 * {@code model=[HardwareModel]} of the enclosing profile or device there and fails with "Couldn't find
 * EReference for crossreference 'LoginSection::model'" for any block that has both {@code model} and
 * {@code login}. An object created by an action at the start of an assigned rule call is contained
 * through that assignment, so no enclosing node holds references of its own.
 */
public class PolicyLinker extends LazyLinker {

	@Override
	protected boolean shouldCheckParentNode(INode node) {
		if (node.getGrammarElement() instanceof Action && node instanceof ICompositeNode composite) {
			INode first = composite.getFirstChild();
			if (first != null && first.getGrammarElement() instanceof RuleCall call
					&& GrammarUtil.containingAssignment(call) != null) {
				return false;
			}
		}
		return super.shouldCheckParentNode(node);
	}
}
