// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import com.google.inject.Inject;

import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.BitvisorRuntime;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.PolicyPackage;
import dev.parapet.policy.validation.internal.FleetIndex;

/**
 * Base of the validator families composed into {@link PolicyValidator}. A family never registers
 * itself (the composing validator does), and shares per-validation caches through the context map:
 * the fleet index, the fleet header and each device's effective policy are computed once per run.
 */
public abstract class PolicyCheckFamily extends AbstractDeclarativeValidator {

	@Inject
	private ResourceDescriptionsProvider descriptionsProvider;

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(PolicyPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into PolicyValidator, which registers once for all families
	}

	/** The fleet-wide index of the resource set being validated. */
	protected final FleetIndex fleetIndex(EObject context) {
		return cached("parapet.fleetIndex", () -> {
			Resource resource = context.eResource();
			IResourceDescriptions descriptions = descriptionsProvider.getResourceDescriptions(resource);
			return FleetIndex.of(context, descriptions);
		});
	}

	/** The fleet header of the fleet, or {@code null} when there is none or more than one. */
	protected final Fleet fleet(EObject context) {
		return cached("parapet.fleet", () -> {
			Resource resource = context.eResource();
			return java.util.Optional.ofNullable(
					fleetIndex(context).fleet(resource == null ? null : resource.getResourceSet()));
		}).orElse(null);
	}

	/** Whether the fleet's runtime is bitvisor (the only target that accepts legacy peers). */
	protected final boolean isBitvisorTarget(EObject context) {
		Fleet fleet = fleet(context);
		return fleet != null && fleet.getRuntime() instanceof BitvisorRuntime;
	}

	/** The device's effective policy, resolved once per validation run. */
	protected final EffectivePolicy effective(Device device) {
		return cached(device, () -> EffectivePolicies.resolve(device, fleet(device)));
	}

	/** A value computed once per validation run (one resource) under the key. */
	@SuppressWarnings("unchecked")
	protected final <T> T cached(Object key, java.util.function.Supplier<T> compute) {
		Map<Object, Object> context = getContext();
		if (context == null) {
			return compute.get();
		}
		// not computeIfAbsent: computing one entry may cache another (the fleet needs the index)
		if (context.containsKey(key)) {
			return (T) context.get(key);
		}
		T value = compute.get();
		context.put(key, value);
		return value;
	}
}
