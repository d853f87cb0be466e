// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.parser;

import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.Token;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import com.google.inject.Inject;

import dev.parapet.policy.services.PolicyGrammarAccess;
import dev.parapet.policy.validation.IssueCodes;

/**
 * Parse errors carry stable codes (PP1010 for grammar errors, PP1011 for unreadable literals) and
 * speak the language's terms: "a name" instead of RULE_ID or of the alternatives of the name rule
 * (an identifier or any word of the language).
 */
public class PolicySyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	@Inject
	private PolicyGrammarAccess grammar;

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage message = super.getSyntaxErrorMessage(context);
		String text = expectsName(context) ? "mismatched input '" + offending(context.getRecognitionException().token)
				+ "' expecting a name" : readable(message.getMessage());
		return new SyntaxErrorMessage(text, IssueCodes.SYNTAX_ERROR, message.getIssueData());
	}

	// ANTLR reports "no viable alternative" when none of the name rule's alternatives matches
	private boolean expectsName(IParserErrorContext context) {
		INode node = context.getCurrentNode();
		return context.getRecognitionException() instanceof NoViableAltException && node != null
				&& node.getGrammarElement() instanceof RuleCall call && call.getRule() == grammar.getValidIDRule();
	}

	private static String offending(Token token) {
		return token == null || token.getType() == Token.EOF ? "<EOF>" : token.getText();
	}

	static String readable(String message) {
		if (message == null) {
			return "Syntax error";
		}
		return message.replace("RULE_ID", "a name").replace("RULE_STRING", "a quoted string")
				.replace("RULE_NUMBER", "a number");
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		ValueConverterException cause = context.getValueConverterException();
		String text = cause == null || cause.getMessage() == null ? context.getDefaultMessage() : cause.getMessage();
		return new SyntaxErrorMessage(text, IssueCodes.MALFORMED_LITERAL);
	}
}
