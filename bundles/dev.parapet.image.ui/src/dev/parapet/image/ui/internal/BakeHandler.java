// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.parapet.compiler.LoadedFleet;
import dev.parapet.policy.fleet.FleetLoader;

/** "Bake Images...": opens the bake wizard on the fleet folder of the selection. */
public final class BakeHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		Path folder = folder(HandlerUtil.getCurrentSelection(event));
		if (folder == null) {
			MessageDialog.openInformation(shell, "Bake Images", "Select a fleet folder or one of its files.");
			return null;
		}
		try {
			new WizardDialog(shell, new BakeWizard(load(folder), folder)).open();
		} catch (IOException e) {
			MessageDialog.openError(shell, "Bake Images", e.getMessage());
		}
		return null;
	}

	/** Loads and validates the fleet in {@code folder}; errors are reported, never baked. */
	public static LoadedFleet load(Path folder) throws IOException {
		dev.parapet.policy.fleet.LoadedFleet loaded = FleetLoader.create().load(List.of(folder));
		if (loaded.hasErrors() || loaded.fleet() == null) {
			throw new IOException("The fleet in " + folder + " has errors (see the Problems or run parapet check); nothing baked.");
		}
		return new LoadedFleet(loaded.fleet(), loaded.devices(), loaded.resourceSet());
	}

	private static Path folder(ISelection selection) {
		if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
			IResource r = Adapters.adapt(s.getFirstElement(), IResource.class);
			IContainer c = r instanceof IContainer container ? container : r == null ? null : r.getParent();
			return c == null || c.getLocation() == null ? null : c.getLocation().toFile().toPath();
		}
		return null;
	}
}
