// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;

import dev.parapet.review.FleetVersion;

/**
 * Loads the versions the review compares: a folder of {@code .parapet} files, one file (with what it
 * imports), or a git revision of a repository. Paths in source locations are relative to the
 * repository's top when the files live in a git work tree (so both sides of {@code parapet diff HEAD .}
 * name files alike), else to the folder.
 */
public final class FleetVersions {

	/** The extension of policy files. */
	public static final String EXTENSION = ".parapet";

	private FleetVersions() {
	}

	/** Every {@code .parapet} file below the folder, in path order. */
	public static FleetVersion folder(Path folder) throws FleetLoadException {
		Path root = folder.toAbsolutePath().normalize();
		if (!Files.isDirectory(root)) {
			throw new FleetLoadException(folder + ": not a folder");
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted()
					.toList();
		} catch (IOException e) {
			throw new FleetLoadException(folder + ": cannot list: " + e.getMessage(), e);
		}
		return load(folder.toString(), root, files);
	}

	/** One policy file; files it imports are loaded as the linker needs them. */
	public static FleetVersion file(Path file) throws FleetLoadException {
		Path absolute = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(absolute)) {
			throw new FleetLoadException(file + ": no such file");
		}
		return load(file.toString(), absolute.getParent(), List.of(absolute));
	}

	/** A folder or a file, whichever the path is. */
	public static FleetVersion path(Path path) throws FleetLoadException {
		return Files.isDirectory(path) ? folder(path) : file(path);
	}

	private static FleetVersion load(String label, Path base, List<Path> files) throws FleetLoadException {
		Path top = workTreeTop(base).orElse(base);
		PolicyResources resources = new PolicyResources();
		for (Path file : files) {
			try {
				resources.add(URI.createFileURI(file.toString()), Files.readAllBytes(file));
			} catch (IOException e) {
				throw new FleetLoadException(file + ": cannot read: " + e.getMessage(), e);
			}
		}
		return resources.finish(label, uri -> relative(top, uri));
	}

	private static String relative(Path top, URI uri) {
		if (!uri.isFile()) {
			return uri.toString();
		}
		Path path = Path.of(uri.toFileString());
		return (path.startsWith(top) ? top.relativize(path) : path).toString().replace('\\', '/');
	}

	/** The top of the git work tree holding {@code path}, if any. */
	public static Optional<Path> workTreeTop(Path path) {
		for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
			if (Files.exists(p.resolve(".git"))) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}
}
