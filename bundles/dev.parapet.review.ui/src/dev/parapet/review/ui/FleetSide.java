// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.ui;

import java.nio.file.Path;
import java.util.Optional;

import dev.parapet.review.FleetVersion;
import dev.parapet.review.load.FleetLoadException;
import dev.parapet.review.load.FleetVersions;
import dev.parapet.review.load.GitVersions;

/** One side of a comparison in the workbench: a folder, a file, or a git revision; loaded on demand. */
public final class FleetSide {

	/** Loads the side (off the UI thread). */
	public interface Loader {
		FleetVersion load() throws FleetLoadException;
	}

	private final String label;
	private final Loader loader;

	private FleetSide(String label, Loader loader) {
		this.label = label;
		this.loader = loader;
	}

	/** A folder (every .parapet below it) or a single file. */
	public static FleetSide path(Path path) {
		return new FleetSide(path.getFileName() == null ? path.toString() : path.getFileName().toString(),
				() -> FleetVersions.path(path));
	}

	/**
	 * @param inside   a path inside the repository
	 * @param revision e.g. HEAD
	 * @param under    the part of the repository to compare, relative to its top
	 */
	public static FleetSide revision(Path inside, String revision, Optional<String> under) {
		return new FleetSide(revision + under.map(u -> ":" + u).orElse(""), () -> GitVersions.load(inside, revision, under));
	}

	public String label() {
		return label;
	}

	public FleetVersion load() throws FleetLoadException {
		return loader.load();
	}
}
