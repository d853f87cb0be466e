// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.Holder;

/**
 * Who a set of groups lets in: their holders, through {@code includes} transitively, and each
 * holder's cards. A holder is "name" and each card "name card <id>", so a holder gaining a card
 * shows as a gained principal just like a group gaining a holder.
 */
final class Principals {

	private Principals() {
	}

	static TreeSet<String> of(Collection<Group> groups) {
		TreeSet<String> principals = new TreeSet<>();
		Set<Group> seen = new HashSet<>();
		Deque<Group> pending = new ArrayDeque<>(groups);
		while (!pending.isEmpty()) {
			Group group = pending.pop();
			if (group == null || group.eIsProxy() || !seen.add(group)) {
				continue;
			}
			for (Holder holder : group.getHolders()) {
				if (holder != null && !holder.eIsProxy()) {
					principals.add(holder.getName());
					for (String card : holder.getCards()) {
						principals.add(holder.getName() + " card " + card);
					}
				}
			}
			pending.addAll(group.getIncludes());
		}
		return principals;
	}

	/** Elements of {@code a} not in {@code b}, for reasons ("gains alice, bob"). */
	static TreeSet<String> minus(Set<String> a, Set<String> b) {
		TreeSet<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	/** At most four names, then a count. */
	static String list(Collection<String> names) {
		StringBuilder text = new StringBuilder();
		int shown = 0;
		for (String name : names) {
			if (shown == 4) {
				return text.append(" and ").append(names.size() - shown).append(" more").toString();
			}
			text.append(shown == 0 ? "" : ", ").append(name);
			shown++;
		}
		return text.toString();
	}
}
