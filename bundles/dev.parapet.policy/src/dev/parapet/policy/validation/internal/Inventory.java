// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parapet.policy.policy.HardwareModel;
import dev.parapet.policy.policy.PciByAddress;
import dev.parapet.policy.policy.PciByClass;
import dev.parapet.policy.policy.PciById;
import dev.parapet.policy.policy.PciDevice;
import dev.parapet.policy.policy.PciSelector;
import dev.parapet.policy.values.PciAddress;
import dev.parapet.policy.values.PciClass;
import dev.parapet.policy.values.PciId;

/**
 * The parsed PCI inventory of one hardware model and which of its devices each selector names.
 * Thousands of devices share a few models and profiles, so answers are memoized per selector.
 */
public final class Inventory {

	private final List<Entry> entries = new ArrayList<>();
	private final Map<PciSelector, List<PciDevice>> selected = new HashMap<>();

	public Inventory(HardwareModel model) {
		for (PciDevice device : model.getPciDevices()) {
			entries.add(new Entry(device, PciAddress.parse(device.getAddress()), PciId.parse(device.getId()),
					PciClass.parse(device.getPciClass())));
		}
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	/** Inventory devices the selector names; none for a malformed selector. */
	public List<PciDevice> selectedBy(PciSelector selector) {
		return selected.computeIfAbsent(selector, this::select);
	}

	private List<PciDevice> select(PciSelector selector) {
		List<PciDevice> result = new ArrayList<>(1);
		if (selector instanceof PciByAddress byAddress) {
			Optional<PciAddress> address = PciAddress.parse(byAddress.getAddress());
			entries.stream().filter(e -> address.isPresent() && address.equals(e.address())).forEach(e -> result.add(e.device()));
		} else if (selector instanceof PciById byId) {
			Optional<PciId> id = PciId.parse(byId.getId());
			entries.stream().filter(e -> id.isPresent() && id.equals(e.id())).forEach(e -> result.add(e.device()));
		} else if (selector instanceof PciByClass byClass) {
			Optional<PciClass> pciClass = PciClass.parse(byClass.getPciClass());
			entries.stream().filter(e -> pciClass.isPresent() && pciClass.equals(e.pciClass()))
					.forEach(e -> result.add(e.device()));
		}
		return result;
	}

	private record Entry(PciDevice device, Optional<PciAddress> address, Optional<PciId> id,
			Optional<PciClass> pciClass) {
	}
}
