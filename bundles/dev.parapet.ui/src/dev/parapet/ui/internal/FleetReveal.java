// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.util.CancelIndicator;

import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.ui.internal.model.FleetParser;
import dev.parapet.policy.ui.internal.model.FleetSources;
import dev.parapet.ui.internal.navigator.FleetNavigator;

/**
 * Shows a freshly opened fleet: the navigator comes up with the fleet selected and expanded and, when
 * no editor is open yet, the file that declares the fleet is opened.
 */
final class FleetReveal {

	private FleetReveal() {
	}

	/** Called from the job that opened the fleet; finds the fleet file there, shows things on the UI thread. */
	static void inNavigator(IWorkbenchWindow window, IProject project) {
		Optional<IFile> fleetFile = fleetDeclaration(project);
		window.getShell().getDisplay().asyncExec(() -> {
			IWorkbenchPage page = window.getActivePage();
			if (page == null) {
				return;
			}
			try {
				FleetNavigator navigator = (FleetNavigator) page.showView(FleetNavigator.ID);
				navigator.getCommonViewer().refresh();
				navigator.selectReveal(new StructuredSelection(project));
				navigator.getCommonViewer().expandToLevel(project, 1);
				if (fleetFile.isPresent() && page.getEditorReferences().length == 0) {
					IDE.openEditor(page, fleetFile.get(), true);
				}
			} catch (PartInitException e) {
				ILog.of(FleetReveal.class).log(e.getStatus());
			}
		});
	}

	private static Optional<IFile> fleetDeclaration(IProject project) {
		for (IFile file : FleetSources.policyFilesOf(project)) {
			Path location = FleetSources.locationOf(file);
			if (location == null) {
				continue;
			}
			try {
				String text = Files.readString(location, StandardCharsets.UTF_8);
				boolean declaresFleet = FleetParser.parse(URI.createFileURI(location.toString()), text, List.of(), null,
						CancelIndicator.NullImpl).model()
						.map(model -> model.getElements().stream().anyMatch(Fleet.class::isInstance)).orElse(false);
				if (declaresFleet) {
					return Optional.of(file);
				}
			} catch (IOException e) {
				// an unreadable file is reported by the fleet check; it just cannot be the one to show
			}
		}
		return Optional.empty();
	}
}
