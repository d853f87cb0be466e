// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.Device;
import dev.parapet.review.internal.DeviceDiffer;
import dev.parapet.review.internal.FleetHeaderDiffer;

/**
 * The review's entry point: the semantic difference of two versions of a fleet. Devices are matched
 * by name and their effective policies compared (docs/review.md); text, comments and layout never
 * show. A device present on one side only is an addition or a removal; when a removed and an added
 * device have identical effective policies and serials, both entries say it is a rename.
 */
public final class FleetDiffer {

	/** Above this many removed x added pairs, renames are not searched (each probe is a full policy diff). */
	private static final int RENAME_PROBES = 10_000;

	private FleetDiffer() {
	}

	/**
	 * The diff; devices whose block is unchanged while nothing but devices changed are skipped
	 * without resolving them (they cannot differ).
	 */
	public static FleetDiff diff(FleetVersion before, FleetVersion after) {
		return diff(before, after, true);
	}

	/** The diff with every device resolved on both sides: slower, for checking the shortcut of {@link #diff}. */
	public static FleetDiff diffEveryDevice(FleetVersion before, FleetVersion after) {
		return diff(before, after, false);
	}

	private static FleetDiff diff(FleetVersion before, FleetVersion after, boolean shortcut) {
		List<Change> changes = new ArrayList<>(new FleetHeaderDiffer(before, after).diff());
		DeviceDiffer differ = new DeviceDiffer(before, after);
		Map<String, Device> was = before.devices();
		Map<String, Device> is = after.devices();
		TreeSet<String> names = new TreeSet<>(was.keySet());
		names.addAll(is.keySet());
		List<String> removed = names.stream().filter(n -> !is.containsKey(n)).toList();
		List<String> added = names.stream().filter(n -> !was.containsKey(n)).toList();
		Map<String, String> renamedTo = renames(differ, before, after, removed, added);
		boolean sameContext = shortcut && context(before).equals(context(after));
		for (String name : names) {
			Device old = was.get(name);
			Device now = is.get(name);
			if (old != null && now != null) {
				if (sameContext && text(old).equals(text(now))) {
					continue;
				}
				changes.addAll(differ.diff(name, resolve(old, before), resolve(now, after)));
			} else if (old != null) {
				changes.add(device(name, ChangeKind.REMOVED, renamedTo.get(name), before.locate(old), Optional.empty()));
			} else {
				String from = renamedTo.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
						.findFirst().orElse(null);
				changes.add(device(name, ChangeKind.ADDED, from, Optional.empty(), after.locate(now)));
			}
		}
		int compared = names.size();
		return new FleetDiff(before.label(), after.label(), List.copyOf(changes), FleetSummary.of(compared, changes));
	}

	private static Change device(String name, ChangeKind kind, String other, Optional<SourceLocation> was,
			Optional<SourceLocation> is) {
		if (other != null) {
			String reason = kind == ChangeKind.REMOVED ? "renamed to " + other : "renamed from " + other;
			return new Change(name, ElementKind.DEVICE, name, kind, Verdict.NEUTRAL, VerdictRule.DEVICE_ADDED,
					"device " + reason + " (removed + added), same serial and effective policy", was, is, false);
		}
		if (kind == ChangeKind.REMOVED) {
			return new Change(name, ElementKind.DEVICE, name, kind, Verdict.NARROWS, VerdictRule.DEVICE_ADDED,
					"device removed from the fleet", was, is, false);
		}
		return new Change(name, ElementKind.DEVICE, name, kind, Verdict.WIDENS, VerdictRule.DEVICE_ADDED,
				"device added: a new machine receives the fleet's policy, keys and trust", was, is, false);
	}

	/** Removed device name -> added device name, for pairs whose effective policies do not differ at all. */
	private static Map<String, String> renames(DeviceDiffer differ, FleetVersion before, FleetVersion after,
			List<String> removed, List<String> added) {
		Map<String, String> renames = new java.util.HashMap<>();
		if ((long) removed.size() * added.size() > RENAME_PROBES) {
			return renames;
		}
		TreeSet<String> taken = new TreeSet<>();
		for (String old : removed) {
			EffectivePolicy was = resolve(before.devices().get(old), before);
			for (String now : added) {
				if (taken.contains(now)) {
					continue;
				}
				List<Change> differences = differ.diff(now, was, resolve(after.devices().get(now), after));
				if (differences.stream().allMatch(c -> c.kind() == ElementKind.PROFILE)) {
					renames.put(old, now);
					taken.add(now);
					break;
				}
			}
		}
		return renames;
	}

	/**
	 * The source of everything but devices: fleet header, people, keys, hardware, profiles. A
	 * device's effective policy depends only on its own block and on these, so when both are
	 * character for character the same in the two versions the device has no change and need not be
	 * resolved (the fast path for large fleets where few devices change).
	 */
	private static String context(FleetVersion version) {
		java.util.Set<org.eclipse.emf.ecore.resource.ResourceSet> sets = new java.util.LinkedHashSet<>();
		version.fleet().ifPresent(f -> sets.add(f.eResource().getResourceSet()));
		version.devices().values().stream().findFirst().ifPresent(d -> sets.add(d.eResource().getResourceSet()));
		List<String> elements = new ArrayList<>();
		for (org.eclipse.emf.ecore.resource.ResourceSet set : sets) {
			for (org.eclipse.emf.ecore.resource.Resource resource : List.copyOf(set.getResources())) {
				for (org.eclipse.emf.ecore.EObject root : resource.getContents()) {
					if (root instanceof dev.parapet.policy.policy.PolicyFile file) {
						file.getElements().stream().filter(e -> !(e instanceof Device)).map(FleetDiffer::text)
								.forEach(elements::add);
					}
				}
			}
		}
		java.util.Collections.sort(elements);
		return String.join("\n\u0000", elements);
	}

	private static String text(org.eclipse.emf.ecore.EObject element) {
		org.eclipse.xtext.nodemodel.INode node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(element);
		return node == null ? String.valueOf(element) : node.getText();
	}

	private static EffectivePolicy resolve(Device device, FleetVersion version) {
		return EffectivePolicies.resolve(device, version.fleet().orElse(null));
	}
}
