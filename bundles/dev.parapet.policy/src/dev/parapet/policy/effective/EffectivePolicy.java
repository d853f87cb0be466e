// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.effective;

import java.util.List;

import dev.parapet.policy.policy.Bypass;
import dev.parapet.policy.policy.Configurable;
import dev.parapet.policy.policy.ConsoleKind;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.DmaScope;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.HardwareModel;
import dev.parapet.policy.policy.IommuKind;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.LogLevel;
import dev.parapet.policy.policy.LoginMethod;
import dev.parapet.policy.policy.Nic;
import dev.parapet.policy.policy.PanicAction;
import dev.parapet.policy.policy.StorageRule;
import dev.parapet.policy.policy.Switch;
import dev.parapet.policy.policy.TrustAnchor;
import dev.parapet.policy.policy.UsbAction;
import dev.parapet.policy.policy.UsbRule;

/**
 * The policy one device gets after fleet defaults, its profile chain and its own block are merged
 * (docs/language.md, "Effective policy"). Rule lists are ordered most specific level first; every
 * rule and {@link Setting} keeps the model element it came from, so callers can point at source lines.
 *
 * @param device           the device
 * @param fleet            the fleet header the device belongs to, or {@code null} if the fleet has none
 * @param levels           the inheritance chain, most general first (see {@link InheritanceChain})
 * @param usbDefault       action for unmatched USB mass storage; language default: deny
 * @param iommu            IOMMU kind; language default: {@code null} (none)
 * @param pinMinimum       minimum PIN length; language default 6
 * @param pinMaximum       maximum PIN length; language default 8
 * @param pinTries         PIN tries; language default 3
 */
public record EffectivePolicy(
		Device device,
		Fleet fleet,
		List<Configurable> levels,
		Setting<HardwareModel> model,
		Setting<String> serial,
		List<StorageRule> storageRules,
		List<UsbRule> usbRules,
		Setting<UsbAction> usbDefault,
		List<Nic> nics,
		Setting<Boolean> encryptAll,
		List<IpsecPeer> peers,
		List<Bypass> bypasses,
		Setting<IommuKind> iommu,
		Setting<Boolean> protectHypervisor,
		List<DmaScope> dmaScopes,
		Setting<List<LoginMethod>> loginMethods,
		Setting<List<Group>> requiredGroups,
		Setting<List<TrustAnchor>> loginTrustAnchors,
		Setting<Long> pinMinimum,
		Setting<Long> pinMaximum,
		Setting<Long> pinTries,
		Setting<LogLevel> log,
		Setting<ConsoleKind> console,
		Setting<Switch> oobManagement,
		Setting<PanicAction> panic,
		Setting<String> osLoader) {

	/** Whether any authentication method applies to the device at boot. */
	public boolean hasAuthentication() {
		return !loginMethods.value().isEmpty();
	}
}
