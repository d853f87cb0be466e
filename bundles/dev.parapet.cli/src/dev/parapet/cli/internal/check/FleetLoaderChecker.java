// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;

import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.SourceFile;
import dev.parapet.policy.fleet.FleetLoader;
import dev.parapet.policy.fleet.LoadedFleet;
import dev.parapet.policy.fleet.PolicyDiagnostic;

/**
 * Checks with the language's {@link FleetLoader}, so that the command line reports exactly what
 * the library, the compiler and the workbench see; this class only translates paths back to the
 * names the user typed.
 */
public final class FleetLoaderChecker implements PolicyChecker {

	private final FleetLoader loader;
	private final Path workingDirectory;

	/**
	 * @param loader           the fleet loader of the policy language
	 * @param workingDirectory the directory files not named on the command line are shown relative to
	 */
	public FleetLoaderChecker(FleetLoader loader, Path workingDirectory) {
		this.loader = loader;
		this.workingDirectory = workingDirectory;
	}

	@Override
	public Checked check(Map<Path, String> arguments, List<SourceFile> files) throws CliException {
		Map<Path, String> shown = new LinkedHashMap<>(arguments);
		files.forEach(file -> shown.put(file.path(), file.shown()));
		LoadedFleet fleet;
		try {
			fleet = loader.load(List.copyOf(arguments.keySet()));
		} catch (IOException e) {
			throw new CliException("cannot read the fleet: " + e.getMessage(), e);
		}
		List<String> checked = new ArrayList<>(files.stream().map(SourceFile::shown).toList());
		for (Resource resource : fleet.resourceSet().getResources()) {
			if (resource.getURI().isFile()) {
				String name = shown.computeIfAbsent(Path.of(resource.getURI().toFileString()), this::relative);
				if (!checked.contains(name)) {
					checked.add(name);
				}
			}
		}
		List<Finding> findings = new ArrayList<>();
		for (PolicyDiagnostic diagnostic : fleet.diagnostics()) {
			findings.add(new Finding(shown.computeIfAbsent(diagnostic.file(), this::relative), diagnostic.line(),
					diagnostic.column(), severity(diagnostic.severity()), diagnostic.code(), oneLine(diagnostic.message())));
		}
		List<Finding> ordered = new ArrayList<>();
		for (String file : checked) {
			findings.stream().filter(finding -> finding.file().equals(file)).sorted(Finding.BY_POSITION).forEach(ordered::add);
		}
		findings.stream().filter(finding -> !checked.contains(finding.file())).sorted(Finding.BY_POSITION)
				.forEach(ordered::add);
		return new Checked(checked, ordered);
	}

	private String relative(Path path) {
		return workingDirectory.relativize(path).toString();
	}

	private static Severity severity(PolicyDiagnostic.Severity severity) {
		return switch (severity) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		case INFO -> Severity.INFO;
		};
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}
}
