// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.UsbRule;
import dev.parapet.policy.policy.UsbSection;
import dev.parapet.policy.validation.internal.Labels;

/** USB mass-storage rules (PP3xxx): id syntax and first-match reachability. */
public final class UsbRuleValidator extends PolicyCheckFamily {

	private static final Pattern FOUR_HEX = Pattern.compile("[0-9a-fA-F]{4}");
	private static final Pattern TWO_HEX = Pattern.compile("[0-9a-fA-F]{2}");
	private static final EAttribute[] CRITERIA = { Literals.USB_RULE__VENDOR, Literals.USB_RULE__PRODUCT,
			Literals.USB_RULE__SERIAL, Literals.USB_RULE__USB_CLASS };

	@Check
	public void checkVendorIdSyntax(UsbRule rule) {
		if (rule.getVendor() != null && !FOUR_HEX.matcher(rule.getVendor()).matches()) {
			error("USB rule " + rule.getName() + ": vendor id \"" + rule.getVendor() + "\" is not 4 hexadecimal digits",
					rule, Literals.USB_RULE__VENDOR, IssueCodes.MALFORMED_USB_VENDOR);
		}
	}

	@Check
	public void checkProductIdSyntax(UsbRule rule) {
		if (rule.getProduct() != null && !FOUR_HEX.matcher(rule.getProduct()).matches()) {
			error("USB rule " + rule.getName() + ": product id \"" + rule.getProduct()
					+ "\" is not 4 hexadecimal digits", rule, Literals.USB_RULE__PRODUCT,
					IssueCodes.MALFORMED_USB_PRODUCT);
		}
	}

	@Check
	public void checkClassSyntax(UsbRule rule) {
		if (rule.getUsbClass() != null && !TWO_HEX.matcher(rule.getUsbClass()).matches()) {
			error("USB rule " + rule.getName() + ": class \"" + rule.getUsbClass() + "\" is not 2 hexadecimal digits",
					rule, Literals.USB_RULE__USB_CLASS, IssueCodes.MALFORMED_USB_CLASS);
		}
	}

	@Check
	public void checkProductHasVendor(UsbRule rule) {
		if (rule.getProduct() != null && rule.getVendor() == null) {
			error("USB rule " + rule.getName() + " names a product without a vendor", rule, Literals.USB_RULE__PRODUCT,
					IssueCodes.USB_PRODUCT_WITHOUT_VENDOR);
		}
	}

	@Check
	public void checkRuleHasCriteria(UsbRule rule) {
		if (criteria(rule).isEmpty()) {
			warning("USB rule " + rule.getName() + " matches every USB stick; write 'default' instead", rule,
					Literals.USB_RULE__NAME, IssueCodes.USB_RULE_MATCHES_ALL);
		}
	}

	@Check
	public void checkRulesAreReachableInSection(UsbSection section) {
		for (Shadow shadow : shadows(section.getRules())) {
			error("USB rule " + shadow.later().getName() + " is shadowed by the earlier, more general rule "
					+ shadow.earlier().getName() + " and never applies", shadow.later(), Literals.USB_RULE__NAME,
					IssueCodes.USB_RULE_SHADOWED);
		}
	}

	/** First-match order of a device: its own rules, then its profiles', then the defaults'. */
	@Check
	public void checkRulesAreReachableOnDevice(Device device) {
		for (Shadow shadow : shadows(effective(device).usbRules())) {
			if (shadow.earlier().eContainer() != shadow.later().eContainer()) {
				error("Device " + device.getName() + ": " + label(shadow.later())
						+ " is shadowed by the earlier, more general " + label(shadow.earlier()) + " and never applies",
						device, Literals.ELEMENT__NAME, IssueCodes.USB_RULE_SHADOWED);
			}
		}
	}

	private static String label(UsbRule rule) {
		return "USB rule " + rule.getName() + " (" + Labels.of(rule.eContainer().eContainer()) + ")";
	}

	/**
	 * Rules that an earlier rule always matches first: the earlier rule's criteria are a subset of the
	 * later one's, with equal values. Looks up each of the (at most 16) criteria subsets of a rule in a
	 * map of earlier rules, so long lists stay linear.
	 */
	static List<Shadow> shadows(List<UsbRule> rules) {
		Map<Map<EAttribute, String>, UsbRule> firstWithCriteria = new HashMap<>();
		List<Shadow> shadows = new ArrayList<>();
		for (UsbRule rule : rules) {
			Map<EAttribute, String> criteria = criteria(rule);
			List<EAttribute> keys = new ArrayList<>(criteria.keySet());
			for (int mask = 0; mask < 1 << keys.size(); mask++) {
				Map<EAttribute, String> subset = new HashMap<>();
				for (int bit = 0; bit < keys.size(); bit++) {
					if ((mask & 1 << bit) != 0) {
						subset.put(keys.get(bit), criteria.get(keys.get(bit)));
					}
				}
				UsbRule earlier = firstWithCriteria.get(subset);
				if (earlier != null) {
					shadows.add(new Shadow(earlier, rule));
					break;
				}
			}
			firstWithCriteria.putIfAbsent(criteria, rule);
		}
		return shadows;
	}

	private static Map<EAttribute, String> criteria(UsbRule rule) {
		Map<EAttribute, String> criteria = new HashMap<>();
		for (EAttribute attribute : CRITERIA) {
			Object value = rule.eGet(attribute);
			if (value != null) {
				// ids and classes are hexadecimal; the serial is compared as written
				criteria.put(attribute, attribute == Literals.USB_RULE__SERIAL ? (String) value
						: ((String) value).toLowerCase(Locale.ROOT));
			}
		}
		return criteria;
	}

	/** {@code later} can never match because {@code earlier} matches every stick it would. */
	record Shadow(UsbRule earlier, UsbRule later) {
	}
}
