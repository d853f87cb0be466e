// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Expands the PATH arguments of a verb into policy files: a file is taken as is, a folder stands for
 * every {@code *.parapet} file below it (sorted, hidden folders skipped). A file reached twice is
 * taken once.
 */
public final class PolicySources {

	/** The file extension of policy files. */
	public static final String EXTENSION = ".parapet";

	private PolicySources() {
	}

	/**
	 * @param workingDirectory the directory relative arguments are resolved against
	 * @param arguments        the PATH arguments as given
	 * @return the policy files, in argument order
	 * @throws CliException when an argument does not exist, is not a policy file, or names a folder
	 *                      without policy files
	 */
	public static List<SourceFile> expand(Path workingDirectory, List<String> arguments) throws CliException {
		Map<Path, SourceFile> files = new LinkedHashMap<>();
		for (String argument : arguments) {
			Path path = workingDirectory.resolve(argument).toAbsolutePath().normalize();
			if (Files.isDirectory(path)) {
				List<SourceFile> found = inFolder(argument, path);
				if (found.isEmpty()) {
					throw new CliException(argument + ": no " + EXTENSION + " files in this folder");
				}
				found.forEach(file -> files.putIfAbsent(file.path(), file));
			} else if (Files.isRegularFile(path)) {
				if (!argument.endsWith(EXTENSION)) {
					throw new CliException(argument + ": not a policy file (expected the extension " + EXTENSION + ")");
				}
				files.putIfAbsent(path, new SourceFile(argument, path));
			} else {
				throw new CliException(argument + ": no such file or folder");
			}
		}
		return new ArrayList<>(files.values());
	}

	private static List<SourceFile> inFolder(String argument, Path folder) throws CliException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
					.filter(file -> file.getFileName().toString().endsWith(EXTENSION))
					.filter(file -> !hidden(folder.relativize(file)))
					.sorted()
					.map(file -> new SourceFile(join(argument, folder.relativize(file)), file))
					.toList();
		} catch (IOException | UncheckedIOException e) {
			throw new CliException(argument + ": cannot list the folder: " + e.getMessage(), e);
		}
	}

	private static boolean hidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static String join(String argument, Path relative) {
		String rel = relative.toString();
		if (argument.equals(".") || argument.equals("./")) {
			return rel;
		}
		return argument.endsWith("/") ? argument + rel : argument + "/" + rel;
	}
}
