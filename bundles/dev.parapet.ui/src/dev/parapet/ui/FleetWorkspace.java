// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import dev.parapet.policy.ui.internal.build.FleetNature;

/**
 * Opens fleet folders in the workspace. A fleet folder becomes a project (named after the folder)
 * holding one linked folder, {@value #LINK}, that points at the folder on disk: the policy files stay
 * where they are, nothing is written into the fleet folder, and markers live on real workspace files
 * so that the Problems view shows them.
 */
public final class FleetWorkspace {

	/** Name of the linked folder of a fleet project. */
	public static final String LINK = "fleet";

	private FleetWorkspace() {
	}

	/**
	 * Opens {@code folder} as a fleet (or returns the project that already shows it), then checks all of
	 * its policy files.
	 */
	public static IProject open(Path folder, IProgressMonitor monitor) throws CoreException {
		Path location = folder.toAbsolutePath().normalize();
		if (!Files.isDirectory(location)) {
			throw new CoreException(Status.error(location + " is not a folder"));
		}
		SubMonitor progress = SubMonitor.convert(monitor, "Opening fleet " + location.getFileName(), 3);
		Optional<IProject> existing = find(location);
		IProject project;
		if (existing.isPresent()) {
			project = existing.get();
			project.refreshLocal(IResource.DEPTH_INFINITE, progress.split(1));
		} else {
			project = create(location, progress.split(1));
		}
		project.build(IncrementalProjectBuilder.FULL_BUILD, progress.split(2));
		return project;
	}

	/** Opens {@code folder} in a background job with progress, then calls {@code opened} with the project. */
	public static Job openInBackground(Path folder, Consumer<IProject> opened) {
		Job job = new WorkspaceJob("Opening fleet " + folder.getFileName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				opened.accept(open(folder, monitor));
				return Status.OK_STATUS;
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRoot());
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** The open fleet project showing {@code folder}, if any. */
	public static Optional<IProject> find(Path folder) {
		Path location = folder.toAbsolutePath().normalize();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (isFleet(project) && location.equals(folderOf(project).map(FleetWorkspace::pathOf).orElse(null))) {
				return Optional.of(project);
			}
		}
		return Optional.empty();
	}

	/** Whether a project is an open fleet. */
	public static boolean isFleet(IProject project) {
		try {
			return project.isOpen() && project.hasNature(FleetNature.ID);
		} catch (CoreException e) {
			return false;
		}
	}

	/** The linked folder of a fleet project. */
	public static Optional<IFolder> folderOf(IProject project) {
		IFolder folder = project.getFolder(LINK);
		return folder.isLinked() ? Optional.of(folder) : Optional.empty();
	}

	private static Path pathOf(IFolder folder) {
		IPath location = folder.getLocation();
		return location == null ? null : location.toPath().toAbsolutePath().normalize();
	}

	private static IProject create(Path location, IProgressMonitor monitor) throws CoreException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IProject project = workspace.getRoot().getProject(freeName(workspace.getRoot(), location.getFileName().toString()));
		SubMonitor progress = SubMonitor.convert(monitor, 4);
		project.create(progress.split(1));
		project.open(progress.split(1));
		IProjectDescription description = project.getDescription();
		description.setNatureIds(new String[] { FleetNature.ID });
		description.setComment("Parapet fleet at " + location);
		project.setDescription(description, progress.split(1));
		project.getFolder(LINK).createLink(IPath.fromPath(location), IResource.NONE, progress.split(1));
		return project;
	}

	private static String freeName(IWorkspaceRoot root, String wanted) {
		String name = wanted;
		for (int i = 2; root.getProject(name).exists(); i++) {
			name = wanted + " (" + i + ")";
		}
		return name;
	}
}
