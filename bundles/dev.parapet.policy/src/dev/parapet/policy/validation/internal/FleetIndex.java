// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;

import dev.parapet.policy.policy.Encryption;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.Holder;
import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.policy.policy.PolicyPackage;

/**
 * Facts about the whole fleet (every resource of the resource set) that single-element checks need:
 * exported names, fleet headers, used storage keys, card UIDs. Built once per state of the resource
 * set in linear time and kept on the resource set, so checks over a 10,000-device fleet never become
 * quadratic. A resource that is reparsed or added makes the next lookup rebuild the index.
 */
public final class FleetIndex {

	private final Map<QualifiedName, List<IEObjectDescription>> names = new HashMap<>();
	private final List<IEObjectDescription> fleets = new ArrayList<>();
	private final Set<URI> usedKeys = new HashSet<>();
	private final Map<String, List<Holder>> holdersByCard = new HashMap<>();

	private FleetIndex() {
	}

	/** The index of the resource set the object belongs to (built or reused). */
	public static FleetIndex of(EObject context, IResourceDescriptions descriptions) {
		Resource resource = context.eResource();
		ResourceSet set = resource == null ? null : resource.getResourceSet();
		if (set == null) {
			return build(resource == null ? List.of() : List.of(resource), descriptions);
		}
		Cache cache = (Cache) EcoreUtil.getExistingAdapter(set, Cache.class);
		if (cache == null) {
			cache = new Cache();
			set.eAdapters().add(cache);
		}
		List<Object> stamp = stamp(set);
		if (cache.index == null || !cache.stamp.equals(stamp)) {
			cache.index = build(List.copyOf(set.getResources()), descriptions);
			cache.stamp = stamp;
		}
		return cache.index;
	}

	// identity of every resource and of its current parse: reparsing or adding a file changes it
	private static List<Object> stamp(ResourceSet set) {
		List<Object> stamp = new ArrayList<>();
		for (Resource resource : List.copyOf(set.getResources())) {
			stamp.add(new Identity(resource));
			stamp.add(resource instanceof XtextResource xtext ? new Identity(xtext.getParseResult()) : null);
		}
		return stamp;
	}

	private static FleetIndex build(List<Resource> resources, IResourceDescriptions descriptions) {
		FleetIndex index = new FleetIndex();
		for (Resource resource : resources) {
			IResourceDescription description = descriptions.getResourceDescription(resource.getURI());
			if (description != null) {
				for (IEObjectDescription exported : description.getExportedObjects()) {
					index.names.computeIfAbsent(exported.getName(), n -> new ArrayList<>(1)).add(exported);
					if (exported.getEClass() == PolicyPackage.Literals.FLEET) {
						index.fleets.add(exported);
					}
				}
			}
			for (EObject root : resource.getContents()) {
				if (root instanceof PolicyFile file) {
					index.collect(file);
				}
			}
		}
		return index;
	}

	private void collect(PolicyFile file) {
		for (EObject element : file.getElements()) {
			if (element instanceof Holder holder) {
				for (String card : holder.getCards()) {
					holdersByCard.computeIfAbsent(card.toUpperCase(java.util.Locale.ROOT), c -> new ArrayList<>(1))
							.add(holder);
				}
			}
		}
		for (var contents = file.eAllContents(); contents.hasNext();) {
			if (contents.next() instanceof Encryption encryption) {
				EObject key = (EObject) encryption.eGet(PolicyPackage.Literals.ENCRYPTION__KEY, false);
				if (key != null) {
					usedKeys.add(key.eIsProxy() ? resolvedUri(encryption, key) : EcoreUtil.getURI(key));
				}
			}
		}
	}

	private static URI resolvedUri(Encryption encryption, EObject proxy) {
		EObject resolved = EcoreUtil.resolve(proxy, encryption);
		return resolved.eIsProxy() ? ((org.eclipse.emf.ecore.InternalEObject) proxy).eProxyURI() : EcoreUtil.getURI(resolved);
	}

	/** Every exported element of the fleet with that name. */
	public List<IEObjectDescription> named(QualifiedName name) {
		return names.getOrDefault(name, List.of());
	}

	/** Descriptions of every fleet header in the resource set. */
	public List<IEObjectDescription> fleets() {
		return fleets;
	}

	/** The fleet header, when the resource set holds exactly one. */
	public Fleet fleet(ResourceSet set) {
		if (fleets.size() != 1 || set == null) {
			return null;
		}
		EObject fleet = set.getEObject(fleets.get(0).getEObjectURI(), true);
		return fleet instanceof Fleet f ? f : null;
	}

	/** Whether any storage or USB rule of the fleet encrypts with the key. */
	public boolean isUsed(EObject key) {
		return usedKeys.contains(EcoreUtil.getURI(key));
	}

	/** Holders listing the card UID (case-insensitive). */
	public List<Holder> holdersOf(String card) {
		return holdersByCard.getOrDefault(card.toUpperCase(java.util.Locale.ROOT), List.of());
	}

	private static final class Cache extends AdapterImpl {
		List<Object> stamp = List.of();
		FleetIndex index;

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Cache.class;
		}
	}

	private record Identity(Object object) {
		@Override
		public boolean equals(Object other) {
			return other instanceof Identity that && that.object == object;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(object);
		}
	}
}
