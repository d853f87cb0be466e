// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.parapet.compiler.model.SourceLink;

/** Opens a policy file at the line of a source link. */
final class SourceOpener {

	private SourceOpener() {
	}

	static void open(IWorkbenchPage page, SourceLink link) {
		try {
			IEditorPart editor = IDE.openEditorOnFileStore(page,
					EFS.getLocalFileSystem().getStore(java.net.URI.create(link.uri())));
			if (editor instanceof ITextEditor text) {
				IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
				text.selectAndReveal(document.getLineOffset(link.line() - 1), document.getLineLength(link.line() - 1));
			}
		} catch (PartInitException | BadLocationException e) {
			org.eclipse.jface.dialogs.MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Open source",
					"Cannot open " + link + ": " + e.getMessage());
		}
	}
}
