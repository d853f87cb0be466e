// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import dev.parapet.compiler.LoadedFleet;
import dev.parapet.image.FleetBake;

/**
 * Bakes images of the chosen devices with per-device progress in the wizard's progress bar and a
 * Cancel button (devices not yet started are skipped; nothing half-written remains), then shows
 * the output folder in the Images view with each image's verification state.
 */
public final class BakeWizard extends Wizard {

	private final LoadedFleet fleet;
	private final BakeWizardPage page;
	private FleetBake.Result result;

	/** For {@code fleet}, whose files live in {@code fleetFolder}. */
	public BakeWizard(LoadedFleet fleet, Path fleetFolder) {
		this.fleet = fleet;
		this.page = new BakeWizardPage(fleet.fleet().getName(),
				fleet.devices().stream().map(d -> d.getName()).sorted().toList(), fleetFolder);
		setWindowTitle("Bake Images");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		addPage(page);
	}

	BakeWizardPage page() {
		return page;
	}

	/** The last run's result, or {@code null}. */
	public FleetBake.Result result() {
		return result;
	}

	@Override
	public boolean performFinish() {
		BakeSettings settings = page.settings();
		char[][] pins = page.takePins();
		try {
			getContainer().run(true, true, monitor -> {
				try {
					result = BakeRun.run(fleet, settings, pins[0], pins[1], pins[2], pins[3], monitor);
				} catch (java.io.IOException e) {
					throw new InvocationTargetException(e);
				}
			});
		} catch (InvocationTargetException e) {
			page.setErrorMessage(e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		} finally {
			for (char[] pin : pins) {
				Arrays.fill(pin, '\0');
			}
		}
		try {
			ImagesView view = (ImagesView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(ImagesView.ID);
			view.show(settings.out(), fleet);
		} catch (PartInitException e) {
			MessageDialog.openError(getShell(), "Bake Images", e.getMessage());
		}
		if (!result.ok()) {
			MessageDialog.openWarning(getShell(), "Bake Images", result.images().size() + " of " + settings.devices().size()
					+ " images baked" + (result.cancelled() ? " (cancelled)" : "") + (result.failures().isEmpty() ? ""
							: ":\n" + String.join("\n", result.failures().values())));
		}
		return true;
	}
}
