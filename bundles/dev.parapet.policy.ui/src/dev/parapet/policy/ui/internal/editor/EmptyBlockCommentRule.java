// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/** Matches {@code /**&#47;}, which would otherwise open a documentation comment that never closes. */
final class EmptyBlockCommentRule implements IPredicateRule {

	private static final String EMPTY = "/**/";

	private final IToken success;

	EmptyBlockCommentRule(IToken success) {
		this.success = success;
	}

	@Override
	public IToken evaluate(ICharacterScanner scanner) {
		return evaluate(scanner, false);
	}

	@Override
	public IToken getSuccessToken() {
		return success;
	}

	@Override
	public IToken evaluate(ICharacterScanner scanner, boolean resume) {
		int read = 0;
		for (char expected : EMPTY.toCharArray()) {
			int c = scanner.read();
			read++;
			if (c != expected) {
				for (int i = 0; i < read; i++) {
					scanner.unread();
				}
				return Token.UNDEFINED;
			}
		}
		return success;
	}
}
