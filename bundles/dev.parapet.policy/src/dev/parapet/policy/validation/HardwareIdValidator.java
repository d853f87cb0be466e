// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.policy.DmarUnit;
import dev.parapet.policy.policy.HardwareModel;
import dev.parapet.policy.policy.PciByAddress;
import dev.parapet.policy.policy.PciByClass;
import dev.parapet.policy.policy.PciById;
import dev.parapet.policy.policy.PciDevice;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.values.PciAddress;
import dev.parapet.policy.values.PciClass;
import dev.parapet.policy.values.PciId;

/** PCI addresses, ids, classes and the hardware inventory (PP5001-PP5003, PP5007, PP5008, PP5010). */
public final class HardwareIdValidator extends PolicyCheckFamily {

	private static final Pattern DMAR_BASE = Pattern.compile("0x[0-9a-fA-F]{1,16}");

	@Check
	public void checkPciDeviceSyntax(PciDevice device) {
		address(device, device.getAddress(), Literals.PCI_DEVICE__ADDRESS, -1);
		id(device, device.getId(), Literals.PCI_DEVICE__ID);
		if (device.getPciClass() != null) {
			pciClass(device, device.getPciClass(), Literals.PCI_DEVICE__PCI_CLASS);
		}
	}

	@Check
	public void checkSelectorSyntax(PciByAddress selector) {
		address(selector, selector.getAddress(), Literals.PCI_BY_ADDRESS__ADDRESS, -1);
	}

	@Check
	public void checkSelectorSyntax(PciById selector) {
		id(selector, selector.getId(), Literals.PCI_BY_ID__ID);
	}

	@Check
	public void checkSelectorSyntax(PciByClass selector) {
		pciClass(selector, selector.getPciClass(), Literals.PCI_BY_CLASS__PCI_CLASS);
	}

	@Check
	public void checkDmarSyntax(DmarUnit unit) {
		for (int i = 0; i < unit.getScope().size(); i++) {
			address(unit, unit.getScope().get(i), Literals.DMAR_UNIT__SCOPE, i);
		}
		String base = unit.getBase();
		if (base == null || !DMAR_BASE.matcher(base).matches()
				|| Long.parseUnsignedLong(base.substring(2), 16) % 4096 != 0) {
			error("DMAR unit " + unit.getName() + ": base \"" + base
					+ "\" is not a 4 KiB aligned hexadecimal address such as 0xfed90000", unit, Literals.DMAR_UNIT__BASE,
					IssueCodes.MALFORMED_DMAR_BASE);
		}
	}

	@Check
	public void checkDmarScopesExist(HardwareModel model) {
		Set<PciAddress> present = new HashSet<>();
		for (PciDevice device : model.getPciDevices()) {
			PciAddress.parse(device.getAddress()).ifPresent(present::add);
		}
		for (DmarUnit unit : model.getDmarUnits()) {
			for (int i = 0; i < unit.getScope().size(); i++) {
				var address = PciAddress.parse(unit.getScope().get(i));
				if (address.isPresent() && !present.contains(address.get())) {
					error("DMAR unit " + unit.getName() + " names PCI device " + unit.getScope().get(i)
							+ ", which hardware " + model.getName() + " does not list", unit, Literals.DMAR_UNIT__SCOPE,
							i, IssueCodes.DMAR_SCOPE_UNKNOWN_DEVICE);
				}
			}
		}
	}

	@Check
	public void checkPciAddressesAreUnique(HardwareModel model) {
		Map<PciAddress, PciDevice> seen = new HashMap<>();
		for (PciDevice device : model.getPciDevices()) {
			var address = PciAddress.parse(device.getAddress());
			if (address.isPresent() && seen.putIfAbsent(address.get(), device) != null) {
				error("Hardware " + model.getName() + " lists PCI address " + device.getAddress() + " twice", device,
						Literals.PCI_DEVICE__ADDRESS, IssueCodes.DUPLICATE_PCI_ADDRESS);
			}
		}
	}

	private void address(EObject owner, String text, EStructuralFeature feature, int index) {
		if (PciAddress.parse(text).isEmpty()) {
			error("\"" + text + "\" is not a PCI address [segment:]bus:dev.fn (hexadecimal, dev <= 1f, fn <= 7)",
					owner, feature, index, IssueCodes.MALFORMED_PCI_ADDRESS);
		}
	}

	private void id(EObject owner, String text, EStructuralFeature feature) {
		if (PciId.parse(text).isEmpty()) {
			error("\"" + text + "\" is not a PCI id vvvv:dddd (hexadecimal)", owner, feature,
					IssueCodes.MALFORMED_PCI_ID);
		}
	}

	private void pciClass(EObject owner, String text, EStructuralFeature feature) {
		if (PciClass.parse(text).isEmpty()) {
			error("\"" + text + "\" is not a PCI class (4 hexadecimal digits: base class and subclass)", owner, feature,
					IssueCodes.MALFORMED_PCI_CLASS);
		}
	}
}
