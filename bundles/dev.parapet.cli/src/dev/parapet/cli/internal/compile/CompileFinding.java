// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.SourceLink;

/**
 * Why a fleet or device did not compile, for the JSON report.
 *
 * @param file    the policy file relative to the working directory when it lies below it, else absolute;
 *                {@code ""} for a language default
 * @param line    1-based, or 0 for a whole file or a language default
 * @param message what is wrong, naming the element and field
 */
record CompileFinding(String file, int line, String message) {

	/** A fleet load problem as {@link dev.parapet.compiler.FleetLoadException} words it. */
	private static final Pattern DIAGNOSTIC = Pattern.compile("(.+?):(\\d+):\\d+: (?:error: )?(.*)", Pattern.DOTALL);
	private static final Pattern WHOLE_FILE = Pattern.compile("(.+?): (.*)", Pattern.DOTALL);

	static CompileFinding of(CompileException failure, Path workingDirectory) {
		SourceLink source = failure.source();
		if (source == null || source.isLanguageDefault()) {
			return new CompileFinding("", 0, failure.getMessage());
		}
		String file = source.uri().startsWith("file:") ? shown(Path.of(URI.create(source.uri())), workingDirectory)
				: source.uri();
		return new CompileFinding(file, source.line(), failure.getMessage());
	}

	/** @param problem {@code FILE:LINE:COLUMN: error: MESSAGE [CODE]} or {@code FILE: MESSAGE} */
	static CompileFinding ofLoadProblem(String problem, Path workingDirectory) {
		Matcher diagnostic = DIAGNOSTIC.matcher(problem);
		if (diagnostic.matches()) {
			return new CompileFinding(shown(Path.of(diagnostic.group(1)), workingDirectory),
					Integer.parseInt(diagnostic.group(2)), diagnostic.group(3));
		}
		Matcher whole = WHOLE_FILE.matcher(problem);
		if (whole.matches()) {
			return new CompileFinding(shown(Path.of(whole.group(1)), workingDirectory), 0, whole.group(2));
		}
		return new CompileFinding("", 0, problem);
	}

	private static String shown(Path file, Path workingDirectory) {
		Path absolute = workingDirectory.resolve(file).normalize();
		Path base = workingDirectory.toAbsolutePath().normalize();
		return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
	}
}
