// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Shared pieces of the compiler's handlers: the fleet folder of a selection, prompts, the results view. */
final class FleetSelection {

	private FleetSelection() {
	}

	/** The fleet folder: the selected folder, or the folder of the selected file. */
	static IContainer folder(ISelection selection) {
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			if (resource instanceof IContainer container) {
				return container;
			}
			if (resource != null) {
				return resource.getParent();
			}
		}
		return null;
	}

	static Path path(IContainer folder) {
		return folder.getLocation().toFile().toPath();
	}

	/** Asks for a secret without echo; {@code null} when cancelled. The caller wipes the array. */
	static char[] secret(Shell shell, String title, String message) {
		InputDialog dialog = new InputDialog(shell, title, message, "", null) {
			@Override
			protected int getInputTextStyle() {
				return super.getInputTextStyle() | SWT.PASSWORD;
			}
		};
		return dialog.open() == InputDialog.OK ? dialog.getValue().toCharArray() : null;
	}

	/** Asks for the creation time, proposing SOURCE_DATE_EPOCH; never the clock. */
	static String creationTime(Shell shell) {
		String proposal = System.getenv().getOrDefault("SOURCE_DATE_EPOCH", "");
		IInputValidator decimal = text -> text.matches("\\d{1,19}") ? null : "Seconds since 1970, e.g. the commit time";
		InputDialog dialog = new InputDialog(shell, "Compile", "Creation time written into the blobs (SOURCE_DATE_EPOCH):",
				proposal, decimal);
		return dialog.open() == InputDialog.OK ? dialog.getValue() : null;
	}

	/** Shows rows in the results view (from any thread). */
	static void showResults(String title, List<CompileResultsView.Row> rows) {
		Display.getDefault().asyncExec(() -> {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			try {
				((CompileResultsView) page.showView(CompileResultsView.ID)).show(title, rows);
			} catch (PartInitException e) {
				throw new IllegalStateException("Cannot open the Compile Results view", e);
			}
		});
	}

	static void refresh(IContainer folder, IProgressMonitor monitor) {
		try {
			folder.refreshLocal(IResource.DEPTH_INFINITE, monitor);
		} catch (CoreException e) {
			// the files are written; the navigator shows them on its next refresh
		}
	}
}
