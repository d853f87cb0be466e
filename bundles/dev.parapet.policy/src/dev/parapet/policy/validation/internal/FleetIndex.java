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
 * exported names, fleet headers, used storage keys, card UIDs. Kept on the resource set, so checks
 * over a 10,000-device fleet never become quadratic, and updated incrementally: each resource's part
 * (its exported names from the resource descriptions, its holders and the encryptions that name a
 * key) is kept on the resource for as long as its parse result and description live, so after an
 * edit the next lookup walks the reparsed file only and moves only that file's names.
 */
public final class FleetIndex {

	private final List<Resource> resources;
	private final List<Contribution> contributions;
	private final Map<QualifiedName, List<Named>> names = new HashMap<>();
	// computed on first use from the contributions (the same value whichever thread computes it)
	private volatile List<IEObjectDescription> fleets;
	private volatile Set<URI> usedKeys;
	private volatile Map<String, List<Holder>> holdersByCard;

	private FleetIndex(List<Resource> resources, List<Contribution> contributions) {
		this.resources = resources;
		this.contributions = contributions;
	}

	/** The index of the resource set the object belongs to (built or updated). */
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
		synchronized (cache) {
			List<Resource> resources = List.copyOf(set.getResources());
			cache.index = cache.index != null && sameResources(cache.index.resources, resources)
					? cache.index.updated(descriptions)
					: build(resources, descriptions);
			return cache.index;
		}
	}

	private static boolean sameResources(List<Resource> before, List<Resource> now) {
		if (before.size() != now.size()) {
			return false;
		}
		for (int i = 0; i < now.size(); i++) {
			if (before.get(i) != now.get(i)) {
				return false;
			}
		}
		return true;
	}

	private static FleetIndex build(List<Resource> resources, IResourceDescriptions descriptions) {
		List<Contribution> contributions = new ArrayList<>(resources.size());
		for (Resource resource : resources) {
			contributions.add(Contribution.of(resource, descriptions));
		}
		FleetIndex index = new FleetIndex(resources, contributions);
		for (int order = 0; order < contributions.size(); order++) {
			for (IEObjectDescription exported : contributions.get(order).exported) {
				index.names.computeIfAbsent(exported.getName(), n -> new ArrayList<>(1)).add(new Named(order, exported));
			}
		}
		return index;
	}

	// same resources in the same order: a copy with the parts of the reparsed files swapped (a run
	// that holds this index keeps seeing one consistent state)
	private FleetIndex updated(IResourceDescriptions descriptions) {
		FleetIndex next = null;
		for (int order = 0; order < resources.size(); order++) {
			Contribution before = contributions.get(order);
			Contribution now = Contribution.of(resources.get(order), descriptions);
			if (now == before) {
				continue;
			}
			if (next == null) {
				next = new FleetIndex(resources, new ArrayList<>(contributions));
				next.names.putAll(names);
			}
			next.contributions.set(order, now);
			for (IEObjectDescription exported : before.exported) {
				List<Named> same = new ArrayList<>(next.names.get(exported.getName()));
				same.removeIf(named -> named.description == exported);
				if (same.isEmpty()) {
					next.names.remove(exported.getName());
				} else {
					next.names.put(exported.getName(), same);
				}
			}
			for (IEObjectDescription exported : now.exported) {
				List<Named> same = new ArrayList<>(next.names.getOrDefault(exported.getName(), List.of()));
				int at = 0;
				while (at < same.size() && same.get(at).order <= order) {
					at++;
				}
				same.add(at, new Named(order, exported));
				next.names.put(exported.getName(), same);
			}
		}
		return next == null ? this : next;
	}

	private static URI resolvedUri(Encryption encryption, EObject proxy) {
		EObject resolved = EcoreUtil.resolve(proxy, encryption);
		return resolved.eIsProxy() ? ((org.eclipse.emf.ecore.InternalEObject) proxy).eProxyURI() : EcoreUtil.getURI(resolved);
	}

	/** Every exported element of the fleet with that name, in the order of the resource set. */
	public List<IEObjectDescription> named(QualifiedName name) {
		List<Named> same = names.get(name);
		if (same == null) {
			return List.of();
		}
		List<IEObjectDescription> found = new ArrayList<>(same.size());
		for (Named named : same) {
			found.add(named.description);
		}
		return found;
	}

	/** Descriptions of every fleet header in the resource set. */
	public List<IEObjectDescription> fleets() {
		List<IEObjectDescription> all = fleets;
		if (all == null) {
			all = new ArrayList<>();
			for (Contribution contribution : contributions) {
				all.addAll(contribution.fleets);
			}
			fleets = all;
		}
		return all;
	}

	/** The fleet header, when the resource set holds exactly one. */
	public Fleet fleet(ResourceSet set) {
		List<IEObjectDescription> all = fleets();
		if (all.size() != 1 || set == null) {
			return null;
		}
		EObject fleet = set.getEObject(all.get(0).getEObjectURI(), true);
		return fleet instanceof Fleet f ? f : null;
	}

	/** Whether any storage or USB rule of the fleet encrypts with the key. */
	public boolean isUsed(EObject key) {
		Set<URI> used = usedKeys;
		if (used == null) {
			// only keys files ask, so an edit elsewhere never links the fleet's key references
			used = new HashSet<>();
			for (Contribution contribution : contributions) {
				for (Encryption encryption : contribution.encryptions) {
					EObject target = (EObject) encryption.eGet(PolicyPackage.Literals.ENCRYPTION__KEY, false);
					used.add(target.eIsProxy() ? resolvedUri(encryption, target) : EcoreUtil.getURI(target));
				}
			}
			usedKeys = used;
		}
		return used.contains(EcoreUtil.getURI(key));
	}

	/** Holders listing the card UID (case-insensitive). */
	public List<Holder> holdersOf(String card) {
		Map<String, List<Holder>> byCard = holdersByCard;
		if (byCard == null) {
			byCard = new HashMap<>();
			for (Contribution contribution : contributions) {
				for (Holder holder : contribution.holders) {
					for (String uid : holder.getCards()) {
						byCard.computeIfAbsent(uid.toUpperCase(java.util.Locale.ROOT), c -> new ArrayList<>(1)).add(holder);
					}
				}
			}
			holdersByCard = byCard;
		}
		return byCard.getOrDefault(card.toUpperCase(java.util.Locale.ROOT), List.of());
	}

	private record Named(int order, IEObjectDescription description) {
	}

	/**
	 * One resource's part of the index, kept on the resource for as long as its parse result and its
	 * resource description are the same objects (Xtext replaces both when the file changes).
	 */
	private static final class Contribution extends AdapterImpl {
		final Object parse;
		final IResourceDescription description;
		final List<IEObjectDescription> exported = new ArrayList<>();
		final List<IEObjectDescription> fleets = new ArrayList<>(0);
		final List<Holder> holders = new ArrayList<>();
		final List<Encryption> encryptions = new ArrayList<>();

		private Contribution(Object parse, IResourceDescription description) {
			this.parse = parse;
			this.description = description;
		}

		static Contribution of(Resource resource, IResourceDescriptions descriptions) {
			Object parse = resource instanceof XtextResource xtext ? xtext.getParseResult() : null;
			IResourceDescription description = descriptions.getResourceDescription(resource.getURI());
			Contribution kept = (Contribution) EcoreUtil.getExistingAdapter(resource, Contribution.class);
			if (kept != null && parse != null && kept.parse == parse && kept.description == description) {
				return kept;
			}
			Contribution contribution = new Contribution(parse, description);
			if (description != null) {
				for (IEObjectDescription exported : description.getExportedObjects()) {
					contribution.exported.add(exported);
					if (exported.getEClass() == PolicyPackage.Literals.FLEET) {
						contribution.fleets.add(exported);
					}
				}
			}
			for (EObject root : resource.getContents()) {
				if (root instanceof PolicyFile file) {
					contribution.collect(file);
				}
			}
			if (parse != null) {
				resource.eAdapters().remove(kept);
				resource.eAdapters().add(contribution);
			}
			return contribution;
		}

		private void collect(PolicyFile file) {
			for (EObject element : file.getElements()) {
				if (element instanceof Holder holder) {
					holders.add(holder);
				}
			}
			for (var contents = file.eAllContents(); contents.hasNext();) {
				if (contents.next() instanceof Encryption encryption
						&& encryption.eGet(PolicyPackage.Literals.ENCRYPTION__KEY, false) != null) {
					encryptions.add(encryption);
				}
			}
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Contribution.class;
		}
	}

	private static final class Cache extends AdapterImpl {
		FleetIndex index;

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Cache.class;
		}
	}
}
