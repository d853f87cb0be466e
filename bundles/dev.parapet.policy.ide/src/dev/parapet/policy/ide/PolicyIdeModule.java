// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

import dev.parapet.policy.ide.internal.PolicyContentProposalProvider;

/**
 * The IDE services of the policy language (content assist, outline, ...), shared by the workbench's
 * editor and any language server.
 */
public class PolicyIdeModule extends AbstractPolicyIdeModule {

	/** Keywords are not proposed where a name belongs. */
	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return PolicyContentProposalProvider.class;
	}
}
