// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.LoginMethod;
import dev.parapet.policy.policy.LoginSection;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.validation.internal.Groups;
import dev.parapet.policy.validation.internal.Labels;
import dev.parapet.policy.validation.internal.Written;

/** Authentication at boot (PP6xxx). */
public final class LoginValidator extends PolicyCheckFamily {

	/** PIV PINs are 4 to 8 characters (NIST SP 800-73-4 part 2, 2.4.3). */
	private static final long PIV_PIN_MINIMUM = 4;
	private static final long PIV_PIN_MAXIMUM = 8;
	private static final long MAXIMUM_TRIES = 15;

	@Check
	public void checkPinLengthRange(LoginSection login) {
		if (!Written.has(login, Literals.LOGIN_SECTION__PIN_MIN)) {
			return;
		}
		long min = login.getPinMin();
		long max = login.getPinMax();
		if (min < PIV_PIN_MINIMUM || max > PIV_PIN_MAXIMUM || min > max) {
			error("pin-length " + min + ".." + max + " in " + Labels.where(login)
					+ " must lie within 4..8 with the minimum not above the maximum", login, Literals.LOGIN_SECTION__PIN_MIN,
					IssueCodes.PIN_LENGTH_RANGE);
		}
	}

	@Check
	public void checkPinTriesRange(LoginSection login) {
		if (Written.has(login, Literals.LOGIN_SECTION__PIN_TRIES)
				&& (login.getPinTries() < 1 || login.getPinTries() > MAXIMUM_TRIES)) {
			error("pin-tries " + login.getPinTries() + " in " + Labels.where(login) + " must lie within 1..15", login,
					Literals.LOGIN_SECTION__PIN_TRIES, IssueCodes.PIN_TRIES_RANGE);
		}
	}

	@Check
	public void checkPasswordWeakensLogin(LoginSection login) {
		int index = login.getMethods().indexOf(LoginMethod.PASSWORD);
		if (index >= 0) {
			warning("Password login in " + Labels.where(login)
					+ " weakens boot authentication: a password can be observed or guessed, a card cannot be copied",
					login, Literals.LOGIN_SECTION__METHODS, index, IssueCodes.PASSWORD_WEAKENS);
		}
	}

	@Check
	public void checkLoginMethodsAreDistinct(LoginSection login) {
		Set<LoginMethod> seen = new HashSet<>();
		for (int i = 0; i < login.getMethods().size(); i++) {
			if (!seen.add(login.getMethods().get(i))) {
				error("Login method " + login.getMethods().get(i) + " is written twice in " + Labels.where(login), login,
						Literals.LOGIN_SECTION__METHODS, i, IssueCodes.DUPLICATE_LOGIN_METHOD);
			}
		}
	}

	@Check
	public void checkRequiredGroupsHaveHolders(LoginSection login) {
		for (int i = 0; i < login.getRequiredGroups().size(); i++) {
			Group group = login.getRequiredGroups().get(i);
			if (!group.eIsProxy() && Groups.holders(group).isEmpty()) {
				error("Required group " + group.getName() + " has no holders, so nobody can log in", login,
						Literals.LOGIN_SECTION__REQUIRED_GROUPS, i, IssueCodes.REQUIRED_GROUP_EMPTY);
			}
		}
	}

	@Check
	public void checkDeviceHasAuthentication(Device device) {
		if (!effective(device).hasAuthentication()) {
			error("Device " + device.getName() + " has no login method: nothing authenticates its user at boot", device,
					Literals.ELEMENT__NAME, IssueCodes.NO_AUTHENTICATION);
		}
	}

	@Check
	public void checkCardLoginHasTrustAnchor(Device device) {
		EffectivePolicy policy = effective(device);
		if (!policy.loginMethods().value().contains(LoginMethod.PIV_CARD)
				|| !policy.loginTrustAnchors().value().isEmpty()) {
			return;
		}
		Fleet fleet = policy.fleet();
		if (fleet == null || fleet.getTrustAnchors().isEmpty()) {
			error("Device " + device.getName() + " logs in with piv-card but no trust anchor can check the card", device,
					Literals.ELEMENT__NAME, IssueCodes.CARD_LOGIN_WITHOUT_TRUST);
		}
	}

	@Check
	public void checkRequiredGroupNeedsCardLogin(Device device) {
		EffectivePolicy policy = effective(device);
		List<Group> groups = policy.requiredGroups().value();
		if (!groups.isEmpty() && !policy.loginMethods().value().contains(LoginMethod.PIV_CARD)) {
			error("Device " + device.getName() + " requires group " + groups.get(0).getName()
					+ " but has no piv-card login to identify the holder", device, Literals.ELEMENT__NAME,
					IssueCodes.REQUIRED_GROUP_WITHOUT_CARD);
		}
	}
}
