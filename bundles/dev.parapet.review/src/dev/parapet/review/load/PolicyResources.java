// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import dev.parapet.policy.PolicyStandaloneSetup;
import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.review.FleetVersion;

/**
 * Parses policy files into one resource set per version and checks them: a syntax error or an
 * unresolved reference fails the load (a review over a half-parsed fleet would be silently wrong).
 */
final class PolicyResources {

	private static final class Holder {
		static final Injector INJECTOR = new PolicyStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	private final XtextResourceSet resourceSet;

	PolicyResources() {
		this.resourceSet = Holder.INJECTOR.getInstance(XtextResourceSet.class);
	}

	XtextResourceSet resourceSet() {
		return resourceSet;
	}

	/** Parses {@code content} as the resource {@code uri}. */
	void add(URI uri, byte[] content) throws FleetLoadException {
		Resource resource = resourceSet.createResource(uri);
		try {
			resource.load(new ByteArrayInputStream(content), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new FleetLoadException(uri + ": cannot read: " + e.getMessage(), e);
		}
	}

	/** Resolves every reference, checks every resource, and collects the version's devices. */
	FleetVersion finish(String label, Function<URI, String> paths) throws FleetLoadException {
		EcoreUtil2.resolveAll(resourceSet);
		List<String> errors = new ArrayList<>();
		for (Resource resource : List.copyOf(resourceSet.getResources())) {
			for (Resource.Diagnostic error : resource.getErrors()) {
				errors.add(paths.apply(resource.getURI()) + ":" + error.getLine() + ": " + error.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			throw new FleetLoadException(label + ": " + errors.size() + " error(s) in the policy files\n  "
					+ String.join("\n  ", errors.subList(0, Math.min(errors.size(), 20))), true);
		}
		List<Device> devices = new ArrayList<>();
		for (Resource resource : List.copyOf(resourceSet.getResources())) {
			for (EObject root : resource.getContents()) {
				if (root instanceof PolicyFile file) {
					file.getElements().stream().filter(Device.class::isInstance).map(Device.class::cast).forEach(devices::add);
				}
			}
		}
		return new FleetVersion(label, devices, Optional.ofNullable(EffectivePolicies.fleetOf(resourceSet)), paths);
	}
}
