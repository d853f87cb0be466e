// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parapet.compiler.cbor.Cbor;
import dev.parapet.compiler.cbor.CborItem;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.compiler.model.DevicePolicy.Bypass;
import dev.parapet.compiler.model.DevicePolicy.DmaScope;
import dev.parapet.compiler.model.DevicePolicy.EspProposal;
import dev.parapet.compiler.model.DevicePolicy.IkeProposal;
import dev.parapet.compiler.model.DevicePolicy.KeySlot;
import dev.parapet.compiler.model.DevicePolicy.Peer;
import dev.parapet.compiler.model.DevicePolicy.StorageRule;
import dev.parapet.compiler.model.DevicePolicy.TrafficSelector;
import dev.parapet.compiler.model.DevicePolicy.UsbAction;
import dev.parapet.compiler.model.DevicePolicy.UsbRule;
import dev.parapet.compiler.model.IpPrefix;
import dev.parapet.compiler.model.PciSelector;
import dev.parapet.policy.policy.DhGroup;
import dev.parapet.policy.policy.IpProtocol;

/**
 * Maps the canonical model to the schema-1 payload map of docs/formats.md 1.3, without the policy
 * id (key 4), which {@link dev.parapet.compiler.PolicyIds} adds over this map's encoding.
 */
public final class PayloadEncoder {

	public static final int SCHEMA_VERSION = 1;

	private PayloadEncoder() {
	}

	/** The payload map without key 4. */
	public static Cbor.MapBuilder withoutPolicyId(DevicePolicy policy) {
		return Cbor.map()
				.put(1, Cbor.uint(SCHEMA_VERSION))
				.put(2, Cbor.text(policy.fleetId()))
				.put(3, Cbor.text(policy.deviceId()))
				.put(5, Cbor.uint(policy.rollbackCounter()))
				.put(6, Cbor.uint(policy.createdEpochSeconds()))
				.putIfPresent(7, policy.boundSerial().map(s -> (CborItem) Cbor.map().put(1, Cbor.text(s.value())).build())
						.orElse(null))
				.put(8, Cbor.array(policy.keySlots().stream().map(PayloadEncoder::keySlot).toList()))
				.put(9, Cbor.array(policy.storageRules().stream().map(PayloadEncoder::storageRule).toList()))
				.put(10, Cbor.map()
						.put(1, Cbor.array(policy.usb().rules().stream().map(PayloadEncoder::usbRule).toList()))
						.put(2, usbAction(policy.usb().defaultAction())).build())
				.put(11, Cbor.map()
						.put(1, Cbor.array(policy.network().nics().stream().map(n -> selector(n.selector())).toList()))
						.put(2, Cbor.bool(policy.network().encryptAll().value()))
						.put(3, Cbor.array(policy.network().peers().stream().map(PayloadEncoder::peer).toList()))
						.put(4, Cbor.array(policy.network().bypasses().stream().map(PayloadEncoder::bypass).toList()))
						.build())
				.put(12, Cbor.map()
						.put(1, Cbor.uint(policy.dma().iommu().value().map(k -> k.getValue() + 1).orElse(0)))
						.put(2, Cbor.bool(policy.dma().protectHypervisor().value()))
						.put(3, Cbor.array(policy.dma().scopes().stream().map(PayloadEncoder::dmaScope).toList()))
						.build())
				.put(13, Cbor.map()
						.put(1, Cbor.array(policy.login().methods().value().stream().map(m -> Cbor.uint(m.getValue())).toList()))
						.put(2, Cbor.uint(policy.login().pinMinimum().value()))
						.put(3, Cbor.uint(policy.login().pinMaximum().value()))
						.put(4, Cbor.uint(policy.login().pinTries().value()))
						.put(5, Cbor.array(policy.login().anchors().stream().map(a -> Cbor.bytes(a.sha256())).toList()))
						.put(6, Cbor.array(policy.login().allowedCards().stream().map(c -> Cbor.bytes(c.sha256())).toList()))
						.build())
				.put(14, Cbor.map()
						.put(1, Cbor.uint(policy.settings().log().value().getValue()))
						.put(2, Cbor.uint(policy.settings().console().value().getValue()))
						.put(3, Cbor.bool(policy.settings().oobManagement().value()))
						.put(4, Cbor.uint(policy.settings().panic().value().getValue()))
						.putIfPresent(5, policy.settings().osLoader().map(s -> Cbor.text(s.value())).orElse(null))
						.build());
	}

	private static CborItem keySlot(KeySlot slot) {
		return Cbor.map().put(1, Cbor.uint(slot.slot())).put(2, Cbor.text(slot.keyId())).put(3, Cbor.uint(slot.bits()))
				.put(4, Cbor.uint(slot.generation())).build();
	}

	private static CborItem storageRule(StorageRule rule) {
		Cbor.MapBuilder map = Cbor.map().put(1, Cbor.uint(rule.controller().getValue()))
				.put(2, Cbor.uint(rule.controllerIndex()));
		rule.location().ifPresent(l -> map.put(3, Cbor.uint(l)));
		rule.drive().ifPresent(d -> map.put(4, Cbor.uint(d.getValue())));
		map.put(5, Cbor.uint(rule.firstLba()));
		map.put(6, rule.lastLba().isPresent() ? Cbor.uint(rule.lastLba().getAsLong()) : Cbor.nil());
		map.put(7, Cbor.uint(rule.cipher().code()));
		rule.keySlot().ifPresent(s -> map.put(8, Cbor.uint(s)));
		return map.build();
	}

	private static CborItem usbRule(UsbRule rule) {
		Cbor.MapBuilder map = Cbor.map();
		rule.vendor().ifPresent(v -> map.put(1, Cbor.uint(v)));
		rule.product().ifPresent(p -> map.put(2, Cbor.uint(p)));
		rule.serial().ifPresent(s -> map.put(3, Cbor.text(s)));
		rule.interfaceClass().ifPresent(c -> map.put(4, Cbor.uint(c)));
		return map.put(5, usbAction(rule.action())).build();
	}

	private static CborItem usbAction(UsbAction action) {
		return switch (action.kind()) {
		case DENY -> Cbor.array(Cbor.uint(0));
		case READ_ONLY -> Cbor.array(Cbor.uint(1));
		case ALLOW -> Cbor.array(Cbor.uint(2));
		case ENCRYPT -> Cbor.array(Cbor.uint(3), Cbor.uint(action.cipher().code()),
				Cbor.uint(action.keySlot().orElseThrow()));
		};
	}

	static CborItem selector(PciSelector selector) {
		return switch (selector) {
		case PciSelector.ById id -> Cbor.array(Cbor.uint(0), Cbor.uint(id.vendor()), Cbor.uint(id.device()));
		case PciSelector.ByAddress a -> Cbor.array(Cbor.uint(1), Cbor.uint(a.segment()), Cbor.uint(a.bus()),
				Cbor.uint(a.device()), Cbor.uint(a.function()));
		case PciSelector.ByClass c -> Cbor.array(Cbor.uint(2), Cbor.uint(c.classCode()));
		};
	}

	private static CborItem peer(Peer peer) {
		List<CborItem> ike = new ArrayList<>();
		for (IkeProposal p : peer.ikeProposals()) {
			ike.add(Cbor.array(Cbor.uint(p.encryption().getValue()), optionalCode(p.integrity().map(i -> i.getValue())),
					Cbor.uint(p.prf().getValue()), Cbor.uint(dhNumber(p.dh()))));
		}
		List<CborItem> esp = new ArrayList<>();
		for (EspProposal p : peer.espProposals()) {
			esp.add(Cbor.array(Cbor.uint(p.encryption().getValue()), optionalCode(p.integrity().map(i -> i.getValue())),
					optionalCode(p.pfs().map(PayloadEncoder::dhNumber))));
		}
		CborItem auth = switch (peer.auth().kind()) {
		case CARD_KEY -> Cbor.array(Cbor.uint(0));
		case CERTIFICATE -> Cbor.array(Cbor.uint(1), Cbor.bytes(peer.auth().certificate().orElseThrow().der()));
		case PSK -> Cbor.array(Cbor.uint(2), Cbor.text(peer.auth().keyReference().orElseThrow()));
		};
		return Cbor.map()
				.put(1, Cbor.text(peer.name()))
				.put(2, Cbor.array(peer.addresses().stream().map(a -> Cbor.bytes(a.getAddress())).toList()))
				.put(3, Cbor.array(ike))
				.put(4, Cbor.array(esp))
				.put(5, auth)
				.putIfPresent(6, peer.remoteId().map(Cbor::text).orElse(null))
				.put(7, Cbor.array(peer.selectors().stream().map(PayloadEncoder::trafficSelector).toList()))
				.put(8, Cbor.uint(peer.ikeLifetime()))
				.put(9, Cbor.uint(peer.espLifetime()))
				.putIfPresent(10, peer.remoteCa().map(c -> Cbor.bytes(c.der())).orElse(null))
				.build();
	}

	private static CborItem trafficSelector(TrafficSelector selector) {
		return Cbor.array(prefix(selector.local()), prefix(selector.remote()), Cbor.uint(protocolNumber(selector.protocol())),
				Cbor.uint(selector.port()));
	}

	private static CborItem bypass(Bypass bypass) {
		return Cbor.array(Cbor.text(bypass.name()), Cbor.uint(protocolNumber(bypass.protocol())),
				bypass.remote().map(PayloadEncoder::prefix).orElse(Cbor.nil()), Cbor.uint(bypass.port()));
	}

	private static CborItem dmaScope(DmaScope scope) {
		return Cbor.array(selector(scope.selector()), Cbor.uint(scope.action().getValue()));
	}

	private static CborItem prefix(IpPrefix prefix) {
		return Cbor.array(Cbor.bytes(prefix.address().getAddress()), Cbor.uint(prefix.length()));
	}

	private static CborItem optionalCode(Optional<Integer> code) {
		return code.map(c -> Cbor.uint(c)).orElse(Cbor.nil());
	}

	/** IANA IKEv2 transform type 4 numbers. */
	public static int dhNumber(DhGroup group) {
		return switch (group) {
		case MODP_1024 -> 2;
		case MODP_1536 -> 5;
		case MODP_2048 -> 14;
		case MODP_3072 -> 15;
		case MODP_4096 -> 16;
		case ECP_256 -> 19;
		case ECP_384 -> 20;
		case ECP_521 -> 21;
		case CURVE25519 -> 31;
		};
	}

	/** IP protocol numbers; 0 = any. */
	public static int protocolNumber(IpProtocol protocol) {
		return switch (protocol) {
		case ANY -> 0;
		case TCP -> 6;
		case UDP -> 17;
		case ICMP -> 1;
		case ICMPV6 -> 58;
		};
	}
}
