// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** The colours of the policy editor: lexical classes first, then the semantic ones laid over them. */
public final class PolicyStyles {

	/** Keywords: {@code device}, {@code storage}, {@code encrypt}, ... */
	public static final TextAttribute KEYWORD = new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD);
	/** String literals. */
	public static final TextAttribute STRING = new TextAttribute(new Color(42, 0, 255));
	/** Numbers. */
	public static final TextAttribute NUMBER = new TextAttribute(new Color(9, 134, 88));
	/** Line and block comments. */
	public static final TextAttribute COMMENT = new TextAttribute(new Color(63, 127, 95));
	/** Documentation comments. */
	public static final TextAttribute DOC_COMMENT = new TextAttribute(new Color(63, 95, 191));
	/** Plain text and punctuation. */
	public static final TextAttribute DEFAULT = new TextAttribute(new Color(32, 32, 32));
	/** The name in a declaration ({@code device laptop-01}). */
	public static final TextAttribute DECLARATION = new TextAttribute(new Color(0, 0, 192), null, SWT.BOLD);
	/** A name that refers to a declaration ({@code extends office}). */
	public static final TextAttribute REFERENCE = new TextAttribute(new Color(0, 118, 128), null, SWT.ITALIC);

	private PolicyStyles() {
	}
}
