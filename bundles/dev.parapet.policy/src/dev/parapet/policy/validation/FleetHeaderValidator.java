// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import dev.parapet.policy.policy.BitvisorRuntime;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.validation.internal.Written;

/** The fleet header (PP1006 for its required settings, PP1007, PP7009). */
public final class FleetHeaderValidator extends PolicyCheckFamily {

	/**
	 * BitVisor commits Parapet's exporter is tested against. A longer hash is accepted when it starts
	 * with one of these; a shorter one must be at least 7 characters and a prefix of one.
	 */
	public static final List<String> KNOWN_BITVISOR_COMMITS = List.of("66559d6");

	@Check
	public void checkFleetHasRequiredSettings(Fleet fleet) {
		List<String> missing = new ArrayList<>();
		if (fleet.getRuntime() == null) {
			missing.add("runtime");
		}
		if (!Written.has(fleet, Literals.FLEET__ROLLBACK_COUNTER)) {
			missing.add("rollback-counter");
		}
		if (fleet.getPolicySigningKey() == null) {
			missing.add("policy-signing-key");
		}
		if (!missing.isEmpty()) {
			error("Fleet " + fleet.getName() + " lacks " + String.join(", ", missing), fleet, Literals.ELEMENT__NAME,
					IssueCodes.MISSING_SETTING);
		}
	}

	@Check
	public void checkBitvisorCommitIsKnown(BitvisorRuntime runtime) {
		if (!isKnownCommit(runtime.getCommit())) {
			error("BitVisor commit " + runtime.getCommit() + " is not one Parapet supports (known: "
					+ String.join(", ", KNOWN_BITVISOR_COMMITS) + ")", runtime, Literals.BITVISOR_RUNTIME__COMMIT,
					IssueCodes.UNKNOWN_BITVISOR_COMMIT);
		}
	}

	/** Whether the commit (abbreviated to at least 7 hex digits, or full) names a known commit. */
	public static boolean isKnownCommit(String commit) {
		if (commit == null || !commit.matches("[0-9a-f]{7,40}")) {
			return false;
		}
		for (String known : KNOWN_BITVISOR_COMMITS) {
			if (commit.startsWith(known) || known.startsWith(commit)) {
				return true;
			}
		}
		return false;
	}

	@Check(CheckType.NORMAL)
	public void checkFleetIsAlone(Fleet fleet) {
		List<IEObjectDescription> fleets = fleetIndex(fleet).fleets();
		if (fleets.size() > 1) {
			List<String> names = new ArrayList<>();
			for (IEObjectDescription description : fleets) {
				names.add(description.getName() + " (" + description.getEObjectURI().trimFragment().lastSegment() + ")");
			}
			error("One fleet folder holds one fleet; found " + String.join(", ", names), fleet, Literals.ELEMENT__NAME,
					IssueCodes.MULTIPLE_FLEETS);
		}
	}
}
