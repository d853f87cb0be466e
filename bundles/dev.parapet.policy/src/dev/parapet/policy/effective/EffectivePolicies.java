// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.effective;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.parapet.policy.policy.Configurable;
import dev.parapet.policy.policy.ConsoleKind;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.DmaSection;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.LogLevel;
import dev.parapet.policy.policy.LoginSection;
import dev.parapet.policy.policy.NetworkSection;
import dev.parapet.policy.policy.PanicAction;
import dev.parapet.policy.policy.PolicyFactory;
import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.SettingsSection;
import dev.parapet.policy.policy.Switch;
import dev.parapet.policy.policy.UsbSection;

/**
 * Resolves devices to their {@link EffectivePolicy}. Pure and side-effect free: it reads the model
 * and never changes it, so the validator, the compiler and the review can all call it.
 */
public final class EffectivePolicies {

	public static final long DEFAULT_PIN_MINIMUM = 6;
	public static final long DEFAULT_PIN_MAXIMUM = 8;
	public static final long DEFAULT_PIN_TRIES = 3;

	private EffectivePolicies() {
	}

	/** Resolves the device against the fleet found in its resource set (see {@link #fleetOf(ResourceSet)}). */
	public static EffectivePolicy resolve(Device device) {
		Resource resource = device.eResource();
		Fleet fleet = resource == null ? null
				: resource.getResourceSet() == null ? fleetOf(resource) : fleetOf(resource.getResourceSet());
		return resolve(device, fleet);
	}

	/**
	 * @param fleet the fleet whose defaults apply, or {@code null} for none
	 */
	public static EffectivePolicy resolve(Device device, Fleet fleet) {
		Levels levels = new Levels(InheritanceChain.of(device, fleet));
		return new EffectivePolicy(device, fleet, levels.general,
				levels.single(c -> c, Literals.CONFIGURABLE__MODEL, null),
				levels.single(c -> c, Literals.CONFIGURABLE__SERIAL, null),
				levels.rules(c -> c.getStorage() == null ? List.of() : c.getStorage().getRules(),
						r -> r.getName()),
				levels.rules(c -> c.getUsb() == null ? List.of() : c.getUsb().getRules(), r -> r.getName()),
				levels.single(Configurable::getUsb, Literals.USB_SECTION__DEFAULT,
						PolicyFactory.eINSTANCE.createUsbDeny()),
				levels.rules(c -> network(c, NetworkSection::getNics), n -> n.getName()),
				levels.flag(Configurable::getNetwork, Literals.NETWORK_SECTION__ENCRYPT_ALL),
				levels.rules(c -> network(c, NetworkSection::getPeers), p -> p.getName()),
				levels.rules(c -> network(c, NetworkSection::getBypasses), b -> b.getName()),
				levels.single(Configurable::getDma, Literals.DMA_SECTION__IOMMU, null),
				levels.flag(Configurable::getDma, Literals.DMA_SECTION__PROTECT_HYPERVISOR),
				levels.rules(c -> c.getDma() == null ? List.of() : c.getDma().getScopes(), s -> s.getName()),
				levels.list(Configurable::getLogin, LoginSection::getMethods),
				levels.list(Configurable::getLogin, LoginSection::getRequiredGroups),
				levels.list(Configurable::getLogin, LoginSection::getAnchors),
				levels.single(Configurable::getLogin, Literals.LOGIN_SECTION__PIN_MIN, DEFAULT_PIN_MINIMUM),
				levels.single(Configurable::getLogin, Literals.LOGIN_SECTION__PIN_MAX, DEFAULT_PIN_MAXIMUM),
				levels.single(Configurable::getLogin, Literals.LOGIN_SECTION__PIN_TRIES, DEFAULT_PIN_TRIES),
				levels.single(Configurable::getSettings, Literals.SETTINGS_SECTION__LOG, LogLevel.INFO),
				levels.single(Configurable::getSettings, Literals.SETTINGS_SECTION__CONSOLE, ConsoleKind.SERIAL),
				levels.single(Configurable::getSettings, Literals.SETTINGS_SECTION__OOB_MANAGEMENT, Switch.OFF),
				levels.single(Configurable::getSettings, Literals.SETTINGS_SECTION__PANIC, PanicAction.HALT),
				levels.single(Configurable::getSettings, Literals.SETTINGS_SECTION__OS_LOADER, null));
	}

	/** The first fleet header among the resources of the set, or {@code null}. */
	public static Fleet fleetOf(ResourceSet resourceSet) {
		for (Resource resource : List.copyOf(resourceSet.getResources())) {
			Fleet fleet = fleetOf(resource);
			if (fleet != null) {
				return fleet;
			}
		}
		return null;
	}

	/** The fleet header of one resource, or {@code null}. */
	public static Fleet fleetOf(Resource resource) {
		for (EObject root : resource.getContents()) {
			if (root instanceof PolicyFile file) {
				for (EObject element : file.getElements()) {
					if (element instanceof Fleet fleet) {
						return fleet;
					}
				}
			}
		}
		return null;
	}

	private static <T> List<T> network(Configurable level, Function<NetworkSection, List<T>> list) {
		return level.getNetwork() == null ? List.of() : list.apply(level.getNetwork());
	}

	/**
	 * Whether a single-valued feature was written in the source. References and strings are absent
	 * when null; enum and number attributes cannot tell "written with the first literal or zero" from
	 * "absent" through EMF, so the node model decides for them.
	 */
	static boolean isWritten(EObject owner, EStructuralFeature feature) {
		if (feature.getDefaultValue() == null) {
			return owner.eGet(feature) != null;
		}
		if (NodeModelUtils.getNode(owner) == null) {
			return owner.eIsSet(feature);
		}
		return !NodeModelUtils.findNodesForFeature(owner, feature).isEmpty();
	}

	/** The inheritance levels of one device and the merge rules of the language over them. */
	private static final class Levels {

		final List<Configurable> general;
		final List<Configurable> specific;

		Levels(List<Configurable> mostGeneralFirst) {
			this.general = mostGeneralFirst;
			List<Configurable> reversed = new ArrayList<>(mostGeneralFirst);
			java.util.Collections.reverse(reversed);
			this.specific = List.copyOf(reversed);
		}

		@SuppressWarnings("unchecked")
		<S extends EObject, T> Setting<T> single(Function<Configurable, S> section, EStructuralFeature feature,
				T languageDefault) {
			for (Configurable level : specific) {
				S owner = section.apply(level);
				if (owner != null && isWritten(owner, feature)) {
					return new Setting<>((T) owner.eGet(feature), owner);
				}
			}
			return Setting.languageDefault(languageDefault);
		}

		<S extends EObject> Setting<Boolean> flag(Function<Configurable, S> section, EStructuralFeature feature) {
			for (Configurable level : specific) {
				S owner = section.apply(level);
				if (owner != null && Boolean.TRUE.equals(owner.eGet(feature))) {
					return new Setting<>(Boolean.TRUE, owner);
				}
			}
			return Setting.languageDefault(Boolean.FALSE);
		}

		<S extends EObject, T> Setting<List<T>> list(Function<Configurable, S> section, Function<S, List<T>> values) {
			for (Configurable level : specific) {
				S owner = section.apply(level);
				if (owner != null && !values.apply(owner).isEmpty()) {
					return new Setting<>(List.copyOf(values.apply(owner)), owner);
				}
			}
			return Setting.languageDefault(List.of());
		}

		<R> List<R> rules(Function<Configurable, List<R>> rulesOf, Function<R, String> nameOf) {
			List<R> merged = new ArrayList<>();
			Set<String> names = new HashSet<>();
			for (Configurable level : specific) {
				for (R rule : rulesOf.apply(level)) {
					String name = nameOf.apply(rule);
					if (name == null || names.add(name)) {
						merged.add(rule);
					}
				}
			}
			return List.copyOf(merged);
		}
	}
}
