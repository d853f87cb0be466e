// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ide.internal;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

import com.google.inject.Inject;

import dev.parapet.policy.services.PolicyGrammarAccess;

/**
 * Proposals of the policy language. A name may be any word of the language (rule {@code ValidID}),
 * but where a name or a reference belongs the words of the language are not proposed: there the
 * useful proposals are the names in scope, and the keywords that may follow stay proposed.
 */
public class PolicyContentProposalProvider extends IdeContentProposalProvider {

	@Inject
	private PolicyGrammarAccess grammar;

	@Override
	protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
		return GrammarUtil.containingRule(keyword) != grammar.getValidIDRule() && super.filterKeyword(keyword, context);
	}
}
