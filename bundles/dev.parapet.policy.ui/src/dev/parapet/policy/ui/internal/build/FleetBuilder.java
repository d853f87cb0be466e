// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;

import dev.parapet.policy.ui.internal.model.FleetParser;
import dev.parapet.policy.ui.internal.model.FleetSources;

/**
 * Validates the saved policy files of a fleet project and writes their problem markers. References
 * cross files, so any change to a policy file re-checks the whole fleet; files open in an editor are
 * left to their editor.
 */
public final class FleetBuilder extends IncrementalProjectBuilder {

	/** Builder id (see plugin.xml). */
	public static final String ID = "dev.parapet.policy.ui.fleetBuilder";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		if (delta != null && !touchesPolicyFiles(delta)) {
			return null;
		}
		validate(getProject(), monitor);
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		ProblemMarkers.clear(getProject());
	}

	/** Validates every policy file of {@code project} and replaces the markers of those not open in an editor. */
	public static void validate(IProject project, IProgressMonitor monitor) throws CoreException {
		List<IFile> files = FleetSources.policyFilesOf(project);
		SubMonitor progress = SubMonitor.convert(monitor, "Validating fleet " + project.getName(), files.size() + 1);
		List<URI> uris = new ArrayList<>();
		for (IFile file : files) {
			uris.add(URI.createFileURI(FleetSources.locationOf(file).toString()));
		}
		Map<URI, List<Issue>> issues = FleetParser.validateAll(uris, CheckMode.NORMAL_AND_FAST, progress::isCanceled);
		progress.worked(1);
		for (int i = 0; i < files.size(); i++) {
			IFile file = files.get(i);
			if (!EditedFiles.contains(file)) {
				ProblemMarkers.replace(file, issues.getOrDefault(uris.get(i), List.of()));
			}
			progress.worked(1);
		}
	}

	private static boolean touchesPolicyFiles(IResourceDelta delta) throws CoreException {
		boolean[] found = { false };
		delta.accept(child -> {
			if (FleetSources.isPolicyFile(child.getResource())) {
				found[0] = true;
			}
			return !found[0];
		});
		return found[0];
	}
}
