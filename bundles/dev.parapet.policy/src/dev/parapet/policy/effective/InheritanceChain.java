// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.effective;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.parapet.policy.policy.Configurable;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.Profile;

/**
 * The levels a device inherits from, most general first: the fleet's {@code defaults}, the root of
 * its {@code extends} chain, ..., its direct profile, the device itself.
 */
public final class InheritanceChain {

	private InheritanceChain() {
	}

	/**
	 * @param fleet the device's fleet, or {@code null} when the fleet header is missing (then no defaults apply)
	 * @return the levels, most general first; an {@code extends} cycle or an unresolved profile ends the
	 *         chain where it starts (the validator reports both)
	 */
	public static List<Configurable> of(Device device, Fleet fleet) {
		List<Configurable> mostSpecificFirst = new ArrayList<>();
		mostSpecificFirst.add(device);
		Set<Profile> seen = new LinkedHashSet<>();
		for (Profile profile = device.getParent(); profile != null && !profile.eIsProxy() && seen.add(profile);
				profile = profile.getParent()) {
			mostSpecificFirst.add(profile);
		}
		if (fleet != null && fleet.getDefaults() != null) {
			mostSpecificFirst.add(fleet.getDefaults());
		}
		Collections.reverse(mostSpecificFirst);
		return List.copyOf(mostSpecificFirst);
	}

	/** Whether the {@code extends} chain starting at the profile returns to a profile already on it. */
	public static boolean isCyclic(Profile start) {
		Set<Profile> seen = new LinkedHashSet<>();
		for (Profile profile = start; profile != null && !profile.eIsProxy(); profile = profile.getParent()) {
			if (!seen.add(profile)) {
				return true;
			}
		}
		return false;
	}
}
