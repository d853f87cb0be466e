// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.FleetSource;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.policy.fleet.FleetLoader;
import dev.parapet.policy.fleet.PolicyDiagnostic;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;

/**
 * Loads a fleet through the language's {@link FleetLoader} (parse, link, validate); any error
 * refuses the fleet, so nothing is compiled from a policy the validator rejects.
 */
public final class XtextFleetSource implements FleetSource {

	private static FleetLoader loader;

	private static synchronized FleetLoader loader() {
		if (loader == null) {
			loader = FleetLoader.create();
		}
		return loader;
	}

	@Override
	public LoadedFleet load(Path fleet) throws IOException, FleetLoadException {
		dev.parapet.policy.fleet.LoadedFleet loaded = loader().load(List.of(fleet));
		List<String> problems = new ArrayList<>();
		for (PolicyDiagnostic diagnostic : loaded.diagnostics()) {
			if (diagnostic.severity() == PolicyDiagnostic.Severity.ERROR) {
				problems.add(diagnostic.toString());
			}
		}
		Fleet header = loaded.fleet();
		if (header == null && problems.isEmpty()) {
			problems.add(fleet + ": no single fleet header (fleet NAME { ... })");
		}
		if (!problems.isEmpty()) {
			throw new FleetLoadException(problems);
		}
		List<Device> devices = new ArrayList<>(loaded.devices());
		devices.sort(Comparator.comparing(Device::getName));
		return new LoadedFleet(header, devices, loaded.resourceSet());
	}
}
