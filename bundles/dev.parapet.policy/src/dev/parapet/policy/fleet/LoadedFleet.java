// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;

import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.PolicyFile;

/**
 * A fleet loaded by {@link FleetLoader}: every file in one resolved resource set and every finding,
 * sorted by file, line, column and code.
 *
 * @param resourceSet the resource set holding every loaded file and its imports
 * @param files       the policy files that were asked for, sorted
 * @param diagnostics every finding, sorted
 */
public record LoadedFleet(XtextResourceSet resourceSet, List<Path> files, List<PolicyDiagnostic> diagnostics) {

	public LoadedFleet {
		files = List.copyOf(files);
		diagnostics = List.copyOf(diagnostics);
	}

	/** Whether any finding is an error (the CLI then exits with 1). */
	public boolean hasErrors() {
		return count(PolicyDiagnostic.Severity.ERROR) > 0;
	}

	public long count(PolicyDiagnostic.Severity severity) {
		return diagnostics.stream().filter(d -> d.severity() == severity).count();
	}

	/** The fleet header, when exactly one file of the set declares one. */
	public Fleet fleet() {
		List<Fleet> fleets = elements(Fleet.class);
		return fleets.size() == 1 ? fleets.get(0) : null;
	}

	/** Every device of the fleet in file order. */
	public List<Device> devices() {
		return elements(Device.class);
	}

	/** Every top-level element of the given type, in file order. */
	public <T extends EObject> List<T> elements(Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Resource resource : resourceSet.getResources()) {
			for (EObject root : resource.getContents()) {
				if (root instanceof PolicyFile file) {
					for (EObject element : file.getElements()) {
						if (type.isInstance(element)) {
							found.add(type.cast(element));
						}
					}
				}
			}
		}
		return found;
	}
}
