// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import dev.parapet.policy.validation.IssueCodes;

/**
 * Parse errors carry stable codes (PP1010 for grammar errors, PP1011 for unreadable literals) and
 * speak the language's terms: "a name" instead of RULE_ID, and a word that is a keyword where a
 * name belongs is called out as such ("base" cannot name a profile).
 */
public class PolicySyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	private static final Pattern KEYWORD_AS_NAME = Pattern.compile("(?:mismatched|extraneous) input '([a-z][a-z0-9-]*)' expecting RULE_ID");
	// a word the lexer did not make an ID is a keyword of the language

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage message = super.getSyntaxErrorMessage(context);
		return new SyntaxErrorMessage(readable(message.getMessage()), IssueCodes.SYNTAX_ERROR, message.getIssueData());
	}

	static String readable(String message) {
		if (message == null) {
			return "Syntax error";
		}
		Matcher keyword = KEYWORD_AS_NAME.matcher(message);
		if (keyword.find()) {
			return "'" + keyword.group(1) + "' is a keyword of the policy language and cannot be used as a name";
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
