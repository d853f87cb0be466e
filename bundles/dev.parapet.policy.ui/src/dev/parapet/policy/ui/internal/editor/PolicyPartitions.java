// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits a policy document into code, strings, line and block comments and documentation comments
 * ({@code /** ... *&#47;}), so that multi-line comments are coloured correctly while typing.
 */
public final class PolicyPartitions implements IDocumentSetupParticipant {

	/** The partitioning installed on policy documents. */
	public static final String PARTITIONING = "__parapet_partitioning";
	/** Documentation comment partition. */
	public static final String DOC_COMMENT = "__parapet_doc_comment";
	/** Block comment partition. */
	public static final String BLOCK_COMMENT = "__parapet_block_comment";
	/** Line comment partition. */
	public static final String LINE_COMMENT = "__parapet_line_comment";
	/** String literal partition. */
	public static final String STRING = "__parapet_string";

	/** All content types besides the default one. */
	public static final String[] TYPES = { DOC_COMMENT, BLOCK_COMMENT, LINE_COMMENT, STRING };

	@Override
	public void setup(IDocument document) {
		if (document instanceof IDocumentExtension3 extension && extension.getDocumentPartitioner(PARTITIONING) == null) {
			IDocumentPartitioner partitioner = new FastPartitioner(scanner(), TYPES);
			extension.setDocumentPartitioner(PARTITIONING, partitioner);
			partitioner.connect(document);
		}
	}

	private static RuleBasedPartitionScanner scanner() {
		RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
		scanner.setPredicateRules(new IPredicateRule[] {
				new EndOfLineRule("//", new Token(LINE_COMMENT)),
				new SingleLineRule("\"", "\"", new Token(STRING), '\\', true),
				new EmptyBlockCommentRule(new Token(BLOCK_COMMENT)),
				new MultiLineRule("/**", "*/", new Token(DOC_COMMENT), (char) 0, true),
				new MultiLineRule("/*", "*/", new Token(BLOCK_COMMENT), (char) 0, true) });
		return scanner;
	}
}
