// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.resource.ResourceSet;

import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;

/**
 * A fleet loaded and validated without errors: its header, its devices sorted by name, and the
 * resource set that holds them.
 */
public record LoadedFleet(Fleet fleet, List<Device> devices, ResourceSet resourceSet) {

	public LoadedFleet {
		devices = List.copyOf(devices);
	}

	public Optional<Device> device(String name) {
		return devices.stream().filter(d -> name.equals(d.getName())).findFirst();
	}
}
