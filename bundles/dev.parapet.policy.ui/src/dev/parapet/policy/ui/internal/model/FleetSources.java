// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;

/**
 * Finds the policy files that make up the fleet of a file: every {@code .parapet} file under the fleet
 * folder, because cross-references resolve against all files of a fleet.
 */
public final class FleetSources {

	/** File extension of policy files, without the dot. */
	public static final String EXTENSION = "parapet";

	private FleetSources() {
	}

	/** Whether the resource is a policy file. */
	public static boolean isPolicyFile(IResource resource) {
		return resource instanceof IFile && EXTENSION.equals(resource.getFileExtension());
	}

	/** Policy files of the workspace fleet that {@code file} belongs to (its project), including {@code file}. */
	public static List<IFile> fleetOf(IFile file) {
		List<IFile> files = new ArrayList<>();
		collect(file.getProject(), files);
		if (!files.contains(file)) {
			files.add(file);
		}
		return files;
	}

	/** All policy files below a container, recursively (linked folders included). */
	public static List<IFile> policyFilesOf(IContainer container) {
		List<IFile> files = new ArrayList<>();
		collect(container, files);
		return files;
	}

	private static void collect(IContainer container, List<IFile> into) {
		if (!container.isAccessible()) {
			return;
		}
		try {
			for (IResource member : container.members()) {
				if (member instanceof IContainer child && !member.getName().startsWith(".")) {
					collect(child, into);
				} else if (isPolicyFile(member)) {
					into.add((IFile) member);
				}
			}
		} catch (CoreException e) {
			throw new IllegalStateException("Cannot list " + container.getFullPath(), e);
		}
	}

	/** For a file outside the workspace: every policy file below its folder. */
	public static List<Path> fleetOf(Path file) {
		Path root = file.toAbsolutePath().getParent();
		List<Path> files = new ArrayList<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return !dir.equals(root) && dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path candidate, BasicFileAttributes attrs) {
					if (candidate.getFileName().toString().endsWith("." + EXTENSION)) {
						files.add(candidate.toAbsolutePath());
					}
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot list " + root, e);
		}
		return files;
	}

	/** Local file-system location of a workspace file, or null when it has none. */
	public static Path locationOf(IFile file) {
		IPath location = file.getLocation();
		return location == null ? null : location.toPath();
	}
}
