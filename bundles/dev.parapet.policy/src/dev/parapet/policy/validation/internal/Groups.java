// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.Holder;

/** Group membership through {@code includes}, safe against inclusion cycles. */
public final class Groups {

	private Groups() {
	}

	/** Every resolved holder of the group and of the groups it includes, transitively. */
	public static Set<Holder> holders(Group group) {
		Set<Holder> holders = new LinkedHashSet<>();
		collect(group, holders, new java.util.HashSet<>());
		return holders;
	}

	private static void collect(Group group, Set<Holder> holders, Set<Group> visited) {
		if (group == null || group.eIsProxy() || !visited.add(group)) {
			return;
		}
		for (Holder holder : group.getHolders()) {
			if (!holder.eIsProxy()) {
				holders.add(holder);
			}
		}
		for (Group included : group.getIncludes()) {
			collect(included, holders, visited);
		}
	}
}
