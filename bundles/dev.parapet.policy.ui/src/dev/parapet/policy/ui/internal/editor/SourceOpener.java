// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.parapet.policy.ui.editor.PolicyEditor;

/** Opens a policy file in the policy editor and selects a region: the workspace file if there is one. */
public final class SourceOpener {

	private SourceOpener() {
	}

	/** Opens {@code file} (a {@code file:} URI) and selects {@code [offset, offset + length)}. */
	public static IEditorPart open(IWorkbenchPage page, URI file, int offset, int length) {
		java.net.URI location = java.net.URI.create(file.toString());
		try {
			IEditorPart editor = null;
			for (IFile candidate : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(location)) {
				if (candidate.isAccessible()) {
					editor = IDE.openEditor(page, candidate, PolicyEditor.ID, true);
					break;
				}
			}
			if (editor == null) {
				editor = IDE.openEditor(page, EFS.getLocalFileSystem().getStore(location).toURI(), PolicyEditor.ID, true);
			}
			if (editor instanceof ITextEditor text) {
				text.selectAndReveal(offset, length);
			}
			return editor;
		} catch (PartInitException e) {
			ILog.of(SourceOpener.class).log(Status.error("Cannot open " + location, e));
			return null;
		}
	}

	/** Opens a workspace file and selects {@code [offset, offset + length)}. */
	public static IEditorPart open(IWorkbenchPage page, IFile file, int offset, int length) {
		try {
			IEditorPart editor = IDE.openEditor(page, file, PolicyEditor.ID, true);
			if (editor instanceof ITextEditor text) {
				text.selectAndReveal(offset, length);
			}
			return editor;
		} catch (PartInitException e) {
			ILog.of(SourceOpener.class).log(Status.error("Cannot open " + file.getFullPath(), e));
			return null;
		}
	}
}
