// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.util.Arrays;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.parapet.compiler.keys.SecretSource;

/**
 * "Compile": compiles and signs every device of the selected fleet folder in a background job, with the
 * cards' certificates from the fleet's folder or from the card registry.
 */
public final class CompileHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IContainer folder = FleetSelection.folder(HandlerUtil.getCurrentSelection(event));
		if (folder == null) {
			MessageDialog.openInformation(shell, "Compile", "Select a fleet folder or one of its files.");
			return null;
		}
		String created = FleetSelection.creationTime(shell);
		if (created == null) {
			return null;
		}
		CardSourceDialog cards = new CardSourceDialog(shell);
		if (cards.open() != CardSourceDialog.OK) {
			return null;
		}
		String registry = cards.registry();
		char[] registryPassword = cards.password();
		char[] secret = FleetSelection.secret(shell, "Compile", "PIN or passphrase of the fleet's policy signing key:");
		if (secret == null) {
			cards.wipe();
			return null;
		}
		Job job = Job.create("Compiling " + folder.getName(), (IProgressMonitor monitor) -> {
			try {
				SecretSource key = SecretSource.given(secret, "dialog");
				var rows = registry == null ? CompileRun.run(FleetSelection.path(folder), Long.parseLong(created), key)
						: CompileRun.runWithRegistry(FleetSelection.path(folder), Long.parseLong(created), key, registry,
								registryPassword);
				FleetSelection.refresh(folder, monitor);
				FleetSelection.showResults("Compile of " + folder.getName(), rows);
				return Status.OK_STATUS;
			} finally {
				Arrays.fill(secret, '\0');
				Arrays.fill(registryPassword, '\0');
			}
		});
		job.setUser(true);
		job.schedule();
		return null;
	}
}
