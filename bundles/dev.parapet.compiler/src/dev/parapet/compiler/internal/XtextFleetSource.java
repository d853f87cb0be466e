// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.FleetSource;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.policy.PolicyStandaloneSetup;
import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.PolicyFile;

/**
 * Loads every .parapet file under a directory (or one file) into an {@link XtextResourceSet},
 * resolves imports and references, and runs the language's validation: any error refuses the fleet.
 */
public final class XtextFleetSource implements FleetSource {

	private static Injector injector;

	private static synchronized Injector injector() {
		if (injector == null) {
			injector = new PolicyStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	@Override
	public LoadedFleet load(Path fleet) throws IOException, FleetLoadException {
		if (!Files.exists(fleet)) {
			throw new IOException("Fleet " + fleet + " does not exist");
		}
		XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
		List<Path> files;
		if (Files.isDirectory(fleet)) {
			try (Stream<Path> walk = Files.walk(fleet)) {
				files = walk.filter(p -> p.toString().endsWith(".parapet") && Files.isRegularFile(p)).sorted().toList();
			}
		} else {
			files = List.of(fleet);
		}
		if (files.isEmpty()) {
			throw new IOException("No .parapet files in " + fleet);
		}
		for (Path file : files) {
			set.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true);
		}
		EcoreUtil.resolveAll(set);
		List<String> problems = new ArrayList<>();
		IResourceValidator validator = injector().getInstance(IResourceValidator.class);
		for (Resource resource : List.copyOf(set.getResources())) {
			for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
				if (issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR) {
					problems.add(resource.getURI().toFileString() + ":" + issue.getLineNumber() + ": " + issue.getMessage());
				}
			}
		}
		Fleet header = EffectivePolicies.fleetOf(set);
		if (header == null) {
			problems.add(fleet + ": no fleet header (fleet NAME { ... }) in any file");
		}
		if (!problems.isEmpty()) {
			throw new FleetLoadException(problems);
		}
		List<Device> devices = new ArrayList<>();
		for (Resource resource : List.copyOf(set.getResources())) {
			for (EObject root : resource.getContents()) {
				if (root instanceof PolicyFile file) {
					file.getElements().stream().filter(Device.class::isInstance).map(Device.class::cast).forEach(devices::add);
				}
			}
		}
		devices.sort(Comparator.comparing(Device::getName));
		return new LoadedFleet(header, devices, set);
	}
}
