// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.parapet.policy.ui.editor.PolicyEditor;

/** Base of the policy editor's command handlers: finds the active policy editor and runs on it. */
public abstract class EditorCommandHandler extends AbstractHandler {

	@Override
	public final Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart part = HandlerUtil.getActiveEditor(event);
		if (part instanceof PolicyEditor editor && (editor.isEditable() || !changesText())) {
			try {
				run(editor);
			} catch (BadLocationException e) {
				throw new ExecutionException("The text changed under the command", e);
			}
		}
		return null;
	}

	abstract void run(PolicyEditor editor) throws BadLocationException;

	/** Whether the command edits the text (and so is not run on read-only files). */
	boolean changesText() {
		return true;
	}

	/** Format (Ctrl+Shift+F). */
	public static final class Format extends EditorCommandHandler {
		@Override
		void run(PolicyEditor editor) throws BadLocationException {
			if (!editor.support().format()) {
				editor.getEditorSite().getActionBars().getStatusLineManager()
						.setErrorMessage("Not formatted: fix the syntax errors first");
			}
		}
	}

	/** Toggle Comment (Ctrl+/). */
	public static final class ToggleComment extends EditorCommandHandler {
		@Override
		void run(PolicyEditor editor) throws BadLocationException {
			editor.support().toggleComment();
		}
	}

	/** Open Declaration (F3). */
	public static final class OpenDeclaration extends EditorCommandHandler {
		@Override
		boolean changesText() {
			return false;
		}

		@Override
		void run(PolicyEditor editor) {
			if (!editor.support().openDeclaration()) {
				editor.getEditorSite().getActionBars().getStatusLineManager()
						.setMessage("No declaration for the name at the caret");
			}
		}
	}
}
