// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

import dev.parapet.policy.ui.PolicyLanguage;

/**
 * Colours the code partition: keywords of the grammar, numbers and everything else. Policy words may
 * contain dashes and digits ({@code pin-length}, {@code aes-xts-256}, {@code 3des-cbc}), so a whole
 * word is read before it is classified.
 */
final class CodeScanner extends RuleBasedScanner {

	CodeScanner() {
		setDefaultReturnToken(new Token(PolicyStyles.DEFAULT));
		setRules(new IRule[] { new WhitespaceRule(Character::isWhitespace), new WordRule(keywords()) });
	}

	/** Keywords of the grammar made of word characters (punctuation such as '{' or '..' stays plain). */
	static Set<String> keywords() {
		Set<String> words = new TreeSet<>();
		for (String keyword : GrammarUtil.getAllKeywords(PolicyLanguage.get(IGrammarAccess.class).getGrammar())) {
			if (!keyword.isEmpty() && isWordPart(keyword.charAt(0))) {
				words.add(keyword);
			}
		}
		return words;
	}

	static boolean isWordPart(int c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-';
	}

	private static final class WordRule implements IRule {

		private final Set<String> keywords;
		private final IToken keyword = new Token(PolicyStyles.KEYWORD);
		private final IToken number = new Token(PolicyStyles.NUMBER);
		private final IToken other = new Token(PolicyStyles.DEFAULT);

		WordRule(Set<String> keywords) {
			this.keywords = keywords;
		}

		@Override
		public IToken evaluate(ICharacterScanner scanner) {
			StringBuilder word = new StringBuilder();
			int c = scanner.read();
			while (c != ICharacterScanner.EOF && isWordPart(c)) {
				word.append((char) c);
				c = scanner.read();
			}
			scanner.unread();
			if (word.isEmpty()) {
				return Token.UNDEFINED;
			}
			String text = word.toString();
			if (keywords.contains(text)) {
				return keyword;
			}
			return text.chars().allMatch(Character::isDigit) ? number : other;
		}
	}
}
