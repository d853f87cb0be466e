// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;

import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.DmaScope;
import dev.parapet.policy.policy.DmaSection;
import dev.parapet.policy.policy.HardwareModel;
import dev.parapet.policy.policy.Nic;
import dev.parapet.policy.policy.PciByAddress;
import dev.parapet.policy.policy.PciByClass;
import dev.parapet.policy.policy.PciById;
import dev.parapet.policy.policy.PciDevice;
import dev.parapet.policy.policy.PciSelector;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.values.PciAddress;
import dev.parapet.policy.values.PciClass;
import dev.parapet.policy.values.PciId;
import dev.parapet.policy.validation.internal.Inventory;
import dev.parapet.policy.validation.internal.Labels;

/** DMA protection (PP5004-PP5006, PP5009): conflicting scopes, the hardware inventory, the IOMMU. */
public final class DmaScopeValidator extends PolicyCheckFamily {

	@Check
	public void checkScopesDoNotConflictInSection(DmaSection section) {
		for (DmaScope[] pair : sameSelectorOtherAction(section.getScopes())) {
			error("DMA scope " + pair[1].getName() + " selects the same devices as " + pair[0].getName() + " but "
					+ pair[1].getAction().getLiteral() + " instead of " + pair[0].getAction().getLiteral(), pair[1],
					Literals.DMA_SCOPE__ACTION, IssueCodes.CONFLICTING_DMA_SCOPE);
		}
	}

	@Check
	public void checkScopesDoNotConflictOnDevice(Device device) {
		EffectivePolicy policy = effective(device);
		for (DmaScope[] pair : sameSelectorOtherAction(policy.dmaScopes())) {
			if (pair[0].eContainer() != pair[1].eContainer()) {
				error("Device " + device.getName() + ": " + label(pair[1]) + " selects the same devices as "
						+ label(pair[0]) + " with another action", device, Literals.ELEMENT__NAME,
						IssueCodes.CONFLICTING_DMA_SCOPE);
			}
		}
		HardwareModel model = policy.model().value();
		if (model == null || model.eIsProxy()) {
			return;
		}
		checkOverlapsThroughInventory(device, policy.dmaScopes(), model);
		checkScopesSelectInventory(device, policy, model);
	}

	private void checkOverlapsThroughInventory(Device device, List<DmaScope> scopes, HardwareModel model) {
		Inventory inventory = inventory(model);
		Map<PciDevice, DmaScope> firstScope = new HashMap<>();
		Set<PciDevice> reported = new HashSet<>();
		for (DmaScope scope : scopes) {
			for (PciDevice pci : inventory.selectedBy(scope.getSelector())) {
				DmaScope first = firstScope.putIfAbsent(pci, scope);
				if (first != null && first.getAction() != scope.getAction()
						&& first.getSelector().eClass() != scope.getSelector().eClass() && reported.add(pci)) {
					error("Device " + device.getName() + ": PCI device " + pci.getAddress() + " (" + pci.getId()
							+ ") is selected by " + label(first) + " (" + first.getAction().getLiteral() + ") and "
							+ label(scope) + " (" + scope.getAction().getLiteral() + ")", device,
							Literals.ELEMENT__NAME, IssueCodes.OVERLAPPING_DMA_SCOPE);
				}
			}
		}
	}

	private void checkScopesSelectInventory(Device device, EffectivePolicy policy, HardwareModel model) {
		Inventory inventory = inventory(model);
		if (inventory.isEmpty()) {
			return;
		}
		for (DmaScope scope : policy.dmaScopes()) {
			if (selectorKey(scope.getSelector()).isPresent() && inventory.selectedBy(scope.getSelector()).isEmpty()) {
				warning("Device " + device.getName() + ": " + label(scope) + " selects no PCI device of hardware "
						+ model.getName(), device, Literals.ELEMENT__NAME, IssueCodes.SELECTOR_NOT_IN_INVENTORY);
			}
		}
		for (Nic nic : policy.nics()) {
			if (selectorKey(nic.getSelector()).isPresent() && inventory.selectedBy(nic.getSelector()).isEmpty()) {
				warning("Device " + device.getName() + ": " + Labels.of(nic) + " ("
						+ Labels.of(nic.eContainer().eContainer()) + ") selects no PCI device of hardware "
						+ model.getName(), device, Literals.ELEMENT__NAME, IssueCodes.SELECTOR_NOT_IN_INVENTORY);
			}
		}
	}

	private Inventory inventory(HardwareModel model) {
		return cached(model, () -> new Inventory(model));
	}

	@Check
	public void checkDmaProtectionHasIommu(Device device) {
		EffectivePolicy policy = effective(device);
		boolean wantsProtection = !policy.dmaScopes().isEmpty() || policy.protectHypervisor().value();
		if (wantsProtection && policy.iommu().value() == null) {
			error("Device " + device.getName() + " has DMA scopes or protect-hypervisor but no iommu to enforce them",
					device, Literals.ELEMENT__NAME, IssueCodes.DMA_WITHOUT_IOMMU);
		}
	}

	private static String label(DmaScope scope) {
		return "DMA scope " + scope.getName() + " (" + Labels.of(scope.eContainer().eContainer()) + ")";
	}

	/** Pairs {earlier, later} of scopes whose selectors are equal but whose actions differ. */
	private static List<DmaScope[]> sameSelectorOtherAction(List<DmaScope> scopes) {
		Map<String, DmaScope> bySelector = new HashMap<>();
		List<DmaScope[]> pairs = new java.util.ArrayList<>();
		for (DmaScope scope : scopes) {
			Optional<String> key = selectorKey(scope.getSelector());
			DmaScope earlier = key.isEmpty() ? null : bySelector.putIfAbsent(key.get(), scope);
			if (earlier != null && earlier.getAction() != scope.getAction()) {
				pairs.add(new DmaScope[] { earlier, scope });
			}
		}
		return pairs;
	}

	/** Canonical text of a well-formed selector, empty for a malformed one (reported elsewhere). */
	static Optional<String> selectorKey(PciSelector selector) {
		if (selector instanceof PciByAddress byAddress) {
			return PciAddress.parse(byAddress.getAddress()).map(a -> "address " + a);
		}
		if (selector instanceof PciById byId) {
			return PciId.parse(byId.getId()).map(id -> "id " + id);
		}
		if (selector instanceof PciByClass byClass) {
			return PciClass.parse(byClass.getPciClass()).map(c -> "class " + c);
		}
		return Optional.empty();
	}
}
