// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parapet.policy.policy.AtaLocation;
import dev.parapet.policy.policy.BitvisorRuntime;
import dev.parapet.policy.policy.Bypass;
import dev.parapet.policy.policy.CardKeyAuth;
import dev.parapet.policy.policy.CertificateAuth;
import dev.parapet.policy.policy.DiskLocation;
import dev.parapet.policy.policy.DmaScope;
import dev.parapet.policy.policy.DmarUnit;
import dev.parapet.policy.policy.Encryption;
import dev.parapet.policy.policy.EspProposal;
import dev.parapet.policy.policy.HardwareModel;
import dev.parapet.policy.policy.IkeProposal;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.KeyReference;
import dev.parapet.policy.policy.NamespaceLocation;
import dev.parapet.policy.policy.Nic;
import dev.parapet.policy.policy.PciByAddress;
import dev.parapet.policy.policy.PciByClass;
import dev.parapet.policy.policy.PciById;
import dev.parapet.policy.policy.PciDevice;
import dev.parapet.policy.policy.PciSelector;
import dev.parapet.policy.policy.PeerAuth;
import dev.parapet.policy.policy.Pkcs11KeyReference;
import dev.parapet.policy.policy.Pkcs12KeyReference;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.PortLocation;
import dev.parapet.policy.policy.PskAuth;
import dev.parapet.policy.policy.RecoveryCertificate;
import dev.parapet.policy.policy.RuntimeTarget;
import dev.parapet.policy.policy.SectorRange;
import dev.parapet.policy.policy.StorageKey;
import dev.parapet.policy.policy.StorageRule;
import dev.parapet.policy.policy.TrafficSelector;
import dev.parapet.policy.policy.TrustAnchor;
import dev.parapet.policy.policy.UsbAction;
import dev.parapet.policy.policy.UsbAllow;
import dev.parapet.policy.policy.UsbDeny;
import dev.parapet.policy.policy.UsbReadOnly;
import dev.parapet.policy.policy.UsbRule;

/**
 * Canonical text of policy elements: equal text means equal effective meaning. References are
 * followed to what they mean (a key's strength and holders, a group's members), never compared by
 * name alone, and layout, comments and the order of sets never show. Rule names are left out, so
 * equal text under different names is a rename.
 */
final class Canon {

	private Canon() {
	}

	static String storageRule(StorageRule rule) {
		return target(rule) + " " + range(rule) + " " + protection(rule.getProtection());
	}

	static String target(StorageRule rule) {
		return rule.getController().getLiteral() + " " + rule.getIndex() + location(rule.getLocation());
	}

	private static String location(DiskLocation location) {
		if (location instanceof AtaLocation ata) {
			return " channel " + ata.getChannel() + " " + ata.getDrive().getLiteral();
		}
		if (location instanceof PortLocation port) {
			return " port " + port.getPort();
		}
		if (location instanceof NamespaceLocation namespace) {
			return " namespace " + namespace.getNamespace();
		}
		return "";
	}

	/** "lba 0..end" and "whole" are the same sectors. */
	static String range(StorageRule rule) {
		long[] range = sectors(rule);
		return range[1] == Long.MAX_VALUE ? (range[0] == 0 ? "whole" : "lba " + range[0] + "..end")
				: "lba " + range[0] + ".." + range[1];
	}

	/** First and last sector, inclusive; {@link Long#MAX_VALUE} for "to the end". */
	static long[] sectors(StorageRule rule) {
		if (rule.getRange() instanceof SectorRange sectors) {
			return new long[] { sectors.getStart(), sectors.isToEnd() ? Long.MAX_VALUE : sectors.getEnd() };
		}
		return new long[] { 0, Long.MAX_VALUE };
	}

	static String protection(Object protection) {
		if (protection instanceof Encryption encryption) {
			return "encrypt " + encryption.getCipher().getLiteral() + " key " + key(encryption.getKey());
		}
		return "plain";
	}

	static String key(StorageKey key) {
		if (key == null || key.eIsProxy()) {
			return "<unresolved>";
		}
		RecoveryCertificate escrow = key.getEscrow();
		return key.getName() + "{" + key.getStrength().getLiteral() + " " + key.getOrigin().getLiteral() + " wrap-to "
				+ Principals.of(key.getWrapTo()) + " escrow " + (escrow == null ? "-" : recovery(escrow)) + " generation "
				+ key.getGeneration() + "}";
	}

	static String recovery(RecoveryCertificate certificate) {
		return certificate.eIsProxy() ? "<unresolved>" : certificate.getName() + "=" + certificate.getFile();
	}

	static String usbAction(UsbAction action) {
		if (action instanceof UsbAllow) {
			return "allow";
		}
		if (action instanceof UsbDeny) {
			return "deny";
		}
		if (action instanceof UsbReadOnly) {
			return "read-only";
		}
		if (action instanceof Encryption) {
			return protection(action);
		}
		return String.valueOf(action);
	}

	static String usbMatcher(UsbRule rule) {
		return "vendor " + orAny(rule.getVendor()) + " product " + orAny(rule.getProduct()) + " serial "
				+ orAny(rule.getSerial()) + " class " + orAny(rule.getUsbClass());
	}

	static String usbRule(UsbRule rule) {
		return usbMatcher(rule) + " " + usbAction(rule.getAction());
	}

	static String selector(PciSelector selector) {
		if (selector instanceof PciById id) {
			return "pci-id " + id.getId();
		}
		if (selector instanceof PciByAddress address) {
			return "pci-address " + address.getAddress();
		}
		if (selector instanceof PciByClass pciClass) {
			return "pci-class " + pciClass.getPciClass();
		}
		return String.valueOf(selector);
	}

	static String nic(Nic nic) {
		return selector(nic.getSelector());
	}

	static String dmaScope(DmaScope scope) {
		return selector(scope.getSelector()) + " " + scope.getAction().getLiteral();
	}

	static String bypass(Bypass bypass) {
		return bypass.getProtocol().getLiteral() + " remote " + orAny(bypass.getRemote()) + " port "
				+ (bypass.getPort() == 0 ? "any" : bypass.getPort());
	}

	static String trafficSelector(TrafficSelector selector) {
		return "local " + selector.getLocal() + " remote " + selector.getRemote() + " protocol "
				+ selector.getProtocol().getLiteral() + " port " + (selector.getPort() == 0 ? "any" : selector.getPort());
	}

	static String ike(IkeProposal proposal) {
		return proposal.getEncryption().getLiteral() + " integrity "
				+ (Written.isWritten(proposal, Literals.IKE_PROPOSAL__INTEGRITY) ? proposal.getIntegrity().getLiteral() : "-")
				+ " prf " + proposal.getPrf().getLiteral() + " dh " + proposal.getDh().getLiteral();
	}

	static String esp(EspProposal proposal) {
		return proposal.getEncryption().getLiteral() + " integrity "
				+ (Written.isWritten(proposal, Literals.ESP_PROPOSAL__INTEGRITY) ? proposal.getIntegrity().getLiteral() : "-")
				+ " pfs " + (Written.isWritten(proposal, Literals.ESP_PROPOSAL__PFS) ? proposal.getPfs().getLiteral() : "-");
	}

	static String auth(PeerAuth auth) {
		if (auth instanceof CardKeyAuth) {
			return "card-key";
		}
		if (auth instanceof CertificateAuth certificate) {
			return "certificate " + certificate.getFile() + " key " + keyReference(certificate.getKey());
		}
		if (auth instanceof PskAuth psk) {
			return "psk " + keyReference(psk.getKey());
		}
		return "-";
	}

	static String keyReference(KeyReference reference) {
		if (reference instanceof Pkcs11KeyReference pkcs11) {
			return "pkcs11 " + pkcs11.getUri();
		}
		if (reference instanceof Pkcs12KeyReference pkcs12) {
			return "pkcs12 " + pkcs12.getFile() + " alias " + pkcs12.getAlias();
		}
		return "-";
	}

	static String anchor(TrustAnchor anchor) {
		return anchor == null ? "-" : anchor.eIsProxy() ? "<unresolved>" : anchor.getName() + "=" + anchor.getFile();
	}

	static String peer(IpsecPeer peer) {
		return "addresses " + sorted(peer.getAddresses(), a -> a) + " ike " + sorted(peer.getIkeProposals(), Canon::ike)
				+ " esp " + sorted(peer.getEspProposals(), Canon::esp) + " auth " + auth(peer.getAuth()) + " remote-id "
				+ orAny(peer.getRemoteId()) + " remote-ca " + anchor(peer.getRemoteCa()) + " selectors "
				+ sorted(peer.getSelectors(), Canon::trafficSelector) + " lifetimes " + peer.getIkeLifetime() + "/"
				+ peer.getEspLifetime() + (peer.isLegacy() ? " legacy" : "");
	}

	static String hardware(HardwareModel model) {
		if (model == null) {
			return "-";
		}
		if (model.eIsProxy()) {
			return "<unresolved>";
		}
		return model.getName() + " pci " + sorted(model.getPciDevices(), Canon::pci) + " dmar "
				+ sorted(model.getDmarUnits(), Canon::dmar);
	}

	private static String pci(PciDevice device) {
		return device.getAddress() + "=" + device.getId() + "/" + orAny(device.getPciClass());
	}

	static String dmar(DmarUnit unit) {
		return unit.getName() + "@" + unit.getBase() + (unit.isIncludeAll() ? " include-all" : " " + new TreeSet<>(unit.getScope()));
	}

	static String runtime(RuntimeTarget runtime) {
		if (runtime instanceof BitvisorRuntime bitvisor) {
			return "bitvisor commit " + bitvisor.getCommit();
		}
		return runtime == null ? "-" : "parapet";
	}

	static <T> String sorted(List<T> items, Function<T, String> canon) {
		return items.stream().filter(Objects::nonNull).map(canon).sorted().collect(Collectors.joining(", ", "[", "]"));
	}

	static String orAny(String value) {
		return value == null ? "any" : value;
	}
}
