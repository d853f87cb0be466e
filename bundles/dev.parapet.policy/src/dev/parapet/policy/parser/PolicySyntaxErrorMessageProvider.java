// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.parser;

import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;

import dev.parapet.policy.validation.IssueCodes;

/** Parse errors carry stable codes: PP1010 for grammar errors, PP1011 for unreadable literals. */
public class PolicySyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage message = super.getSyntaxErrorMessage(context);
		return new SyntaxErrorMessage(message.getMessage(), IssueCodes.SYNTAX_ERROR, message.getIssueData());
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		ValueConverterException cause = context.getValueConverterException();
		String text = cause == null || cause.getMessage() == null ? context.getDefaultMessage() : cause.getMessage();
		return new SyntaxErrorMessage(text, IssueCodes.MALFORMED_LITERAL);
	}
}
