// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.AtaLocation;
import dev.parapet.policy.policy.Bypass;
import dev.parapet.policy.policy.ControllerKind;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Fleet;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.NamespaceLocation;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.PortLocation;
import dev.parapet.policy.policy.StorageKey;
import dev.parapet.policy.policy.StorageRule;
import dev.parapet.policy.policy.TrafficSelector;
import dev.parapet.policy.validation.internal.Labels;
import dev.parapet.policy.validation.internal.Written;

/**
 * What the policy blob (docs/formats.md, schema 1) and the runtime can represent (PP8xxx). A policy
 * that passes these checks never fails in the compiler for a limit.
 */
public final class CompilerLimitsValidator extends PolicyCheckFamily {

	/** 2^32-1: rollback counters, lifetimes, generations and NVMe namespace ids are 32-bit in the runtime. */
	public static final long UINT32_MAX = 0xFFFF_FFFFL;
	public static final int MAX_STORAGE_RULES = 64;
	public static final int MAX_ENTRIES = 4096;
	public static final int MAX_TEXT_BYTES = 4096;
	public static final long MAX_CONTROLLER_INDEX = 255;
	public static final long MAX_AHCI_PORT = 31;
	public static final long MAX_USB_PORT = 255;
	public static final long MAX_ATA_CHANNEL = 1;
	public static final long MAX_PORT = 65_535;

	@Check
	public void checkRollbackCounterFits(Fleet fleet) {
		atMost(fleet, Literals.FLEET__ROLLBACK_COUNTER, fleet.getRollbackCounter(), UINT32_MAX,
				"rollback-counter of fleet " + fleet.getName());
	}

	@Check
	public void checkGenerationFits(StorageKey key) {
		atMost(key, Literals.STORAGE_KEY__GENERATION, key.getGeneration(), UINT32_MAX,
				"generation of storage key " + key.getName());
	}

	@Check
	public void checkDiskLocationFits(StorageRule rule) {
		String disk = "disk " + rule.getName();
		atMost(rule, Literals.STORAGE_RULE__INDEX, rule.getIndex(), MAX_CONTROLLER_INDEX, "controller index of " + disk);
		if (rule.getLocation() instanceof AtaLocation ata) {
			atMost(ata, Literals.ATA_LOCATION__CHANNEL, ata.getChannel(), MAX_ATA_CHANNEL, "ATA channel of " + disk);
		} else if (rule.getLocation() instanceof PortLocation port) {
			long limit = rule.getController() == ControllerKind.USB ? MAX_USB_PORT : MAX_AHCI_PORT;
			atMost(port, Literals.PORT_LOCATION__PORT, port.getPort(), limit, "port of " + disk);
		} else if (rule.getLocation() instanceof NamespaceLocation namespace) {
			long id = namespace.getNamespace();
			if (id == 0 || id > UINT32_MAX - 1) {
				error("Namespace " + id + " of " + disk + " is outside 1.." + (UINT32_MAX - 1), namespace,
						Literals.NAMESPACE_LOCATION__NAMESPACE, IssueCodes.VALUE_OUT_OF_RANGE);
			}
		}
	}

	@Check
	public void checkPortFits(TrafficSelector selector) {
		atMost(selector, Literals.TRAFFIC_SELECTOR__PORT, selector.getPort(), MAX_PORT,
				"port of a selector of peer " + ((IpsecPeer) selector.eContainer()).getName());
	}

	@Check
	public void checkPortFits(Bypass bypass) {
		atMost(bypass, Literals.BYPASS__PORT, bypass.getPort(), MAX_PORT, "port of bypass " + bypass.getName());
	}

	@Check
	public void checkLifetimesFit(IpsecPeer peer) {
		atMost(peer, Literals.IPSEC_PEER__IKE_LIFETIME, peer.getIkeLifetime(), UINT32_MAX,
				"ike-lifetime of peer " + peer.getName());
		atMost(peer, Literals.IPSEC_PEER__ESP_LIFETIME, peer.getEspLifetime(), UINT32_MAX,
				"esp-lifetime of peer " + peer.getName());
	}

	private void atMost(EObject owner, EStructuralFeature feature, long value, long limit, String what) {
		if (value > limit && Written.has(owner, feature)) {
			error("The " + what + " is " + value + "; the policy format holds at most " + limit, owner, feature,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void checkStorageRuleCountFits(Device device) {
		int count = effective(device).storageRules().size();
		if (count > MAX_STORAGE_RULES) {
			error("Device " + device.getName() + " has " + count + " storage rules; the runtime holds at most "
					+ MAX_STORAGE_RULES, device, Literals.ELEMENT__NAME, IssueCodes.TOO_MANY_STORAGE_RULES);
		}
	}

	@Check
	public void checkListSizesFit(Device device) {
		EffectivePolicy policy = effective(device);
		entries(device, "USB rules", policy.usbRules());
		entries(device, "NICs", policy.nics());
		entries(device, "peers", policy.peers());
		entries(device, "bypass rules", policy.bypasses());
		entries(device, "DMA scopes", policy.dmaScopes());
		entries(device, "trust anchors", policy.loginTrustAnchors().value());
		entries(device, "required groups", policy.requiredGroups().value());
	}

	@Check
	public void checkPeerListSizesFit(IpsecPeer peer) {
		entries(peer, "addresses", peer.getAddresses());
		entries(peer, "IKE proposals", peer.getIkeProposals());
		entries(peer, "ESP proposals", peer.getEspProposals());
		entries(peer, "traffic selectors", peer.getSelectors());
	}

	private void entries(EObject owner, String what, List<?> list) {
		if (list.size() > MAX_ENTRIES) {
			error(Labels.of(owner) + " has " + list.size() + " " + what + "; the policy format holds at most "
					+ MAX_ENTRIES, owner, owner instanceof Device ? Literals.ELEMENT__NAME : Literals.IPSEC_PEER__NAME,
					IssueCodes.TOO_MANY_ENTRIES);
		}
	}

	/** Every text of the language (names included) may end up in the blob, whose texts hold 4096 bytes. */
	@Check
	public void checkTextsFit(EObject object) {
		for (EAttribute attribute : object.eClass().getEAllAttributes()) {
			if (attribute.getEAttributeType() != EcorePackage.Literals.ESTRING) {
				continue;
			}
			if (attribute.isMany()) {
				List<?> values = (List<?>) object.eGet(attribute);
				for (int i = 0; i < values.size(); i++) {
					checkText(object, attribute, i, (String) values.get(i));
				}
			} else {
				checkText(object, attribute, -1, (String) object.eGet(attribute));
			}
		}
	}

	private void checkText(EObject object, EAttribute attribute, int index, String text) {
		// a UTF-8 byte per char at least, at most 3 per UTF-16 unit: only long texts need encoding
		if (text == null || text.length() <= MAX_TEXT_BYTES / 3) {
			return;
		}
		int bytes = text.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_TEXT_BYTES) {
			error("Text of " + attribute.getName() + " in " + Labels.of(object) + " is " + bytes
					+ " bytes; the policy format holds at most " + MAX_TEXT_BYTES, object, attribute, index,
					IssueCodes.TEXT_TOO_LONG);
		}
	}
}
