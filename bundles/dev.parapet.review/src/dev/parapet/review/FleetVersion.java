// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;

/**
 * One loaded version of a fleet: its devices by name, its fleet header, and how to turn model
 * elements into {@link SourceLocation}s relative to the version's root.
 */
public final class FleetVersion {

	private final String label;
	private final Map<String, Device> devices;
	private final Optional<Fleet> fleet;
	private final Function<URI, String> paths;

	/**
	 * @param label   shown in reports, e.g. a folder or {@code HEAD~1}
	 * @param devices the devices in file order; names must be unique (the validator reports duplicates)
	 * @param fleet   the fleet header, if any
	 * @param paths   turns a resource URI into a path relative to the version's root
	 */
	public FleetVersion(String label, List<Device> devices, Optional<Fleet> fleet, Function<URI, String> paths) {
		this.label = label;
		Map<String, Device> byName = new LinkedHashMap<>();
		for (Device device : devices) {
			byName.putIfAbsent(device.getName(), device);
		}
		this.devices = byName;
		this.fleet = fleet;
		this.paths = paths;
	}

	public String label() {
		return label;
	}

	/** Devices by name, in file order. */
	public Map<String, Device> devices() {
		return devices;
	}

	public Optional<Fleet> fleet() {
		return fleet;
	}

	/** Where the element starts, or empty for elements without a source (language defaults). */
	public Optional<SourceLocation> locate(EObject element) {
		if (element == null || element.eResource() == null) {
			return Optional.empty();
		}
		INode node = NodeModelUtils.getNode(element);
		return node == null ? Optional.empty() : Optional.of(at(element, node));
	}

	/** Where one feature of the element is written, falling back to the element itself. */
	public Optional<SourceLocation> locate(EObject element, EStructuralFeature feature) {
		if (element == null || element.eResource() == null) {
			return Optional.empty();
		}
		List<INode> nodes = NodeModelUtils.findNodesForFeature(element, feature);
		return nodes.isEmpty() ? locate(element) : Optional.of(at(element, nodes.get(0)));
	}

	private SourceLocation at(EObject element, INode node) {
		return new SourceLocation(paths.apply(element.eResource().getURI()), node.getStartLine());
	}

	/**
	 * The text of one file of this version, as parsed.
	 *
	 * @param path a path as in {@link SourceLocation#path()}
	 */
	public Optional<String> text(String path) {
		java.util.Set<org.eclipse.emf.ecore.resource.ResourceSet> sets = new java.util.LinkedHashSet<>();
		fleet.ifPresent(f -> sets.add(f.eResource().getResourceSet()));
		devices.values().stream().findFirst().ifPresent(d -> sets.add(d.eResource().getResourceSet()));
		for (org.eclipse.emf.ecore.resource.ResourceSet set : sets) {
			for (org.eclipse.emf.ecore.resource.Resource resource : List.copyOf(set.getResources())) {
				if (resource instanceof org.eclipse.xtext.resource.XtextResource xtext && xtext.getParseResult() != null
						&& paths.apply(resource.getURI()).equals(path)) {
					return Optional.of(xtext.getParseResult().getRootNode().getText());
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return label;
	}
}
