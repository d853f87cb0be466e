// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.Bypass;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.IpProtocol;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.TrafficSelector;
import dev.parapet.policy.values.IpPrefix;
import dev.parapet.policy.validation.internal.Written;

/** Network and IPsec peers (PP4005-PP4010 and the peer's required settings). */
public final class NetworkValidator extends PolicyCheckFamily {

	/** Language default IKE SA lifetime in seconds when a peer writes none. */
	public static final long DEFAULT_IKE_LIFETIME = 28_800;
	/** Language default ESP SA lifetime in seconds when a peer writes none. */
	public static final long DEFAULT_ESP_LIFETIME = 3_600;
	private static final long MINIMUM_LIFETIME = 60;

	@Check
	public void checkPeerHasRequiredSettings(IpsecPeer peer) {
		List<String> missing = new ArrayList<>();
		if (peer.getAddresses().isEmpty()) {
			missing.add("address");
		}
		if (peer.getIkeProposals().isEmpty()) {
			missing.add("ike-proposal");
		}
		if (peer.getEspProposals().isEmpty()) {
			missing.add("esp-proposal");
		}
		if (peer.getAuth() == null) {
			missing.add("auth");
		}
		if (!missing.isEmpty()) {
			error("Peer " + peer.getName() + " lacks " + String.join(", ", missing), peer, Literals.IPSEC_PEER__NAME,
					IssueCodes.MISSING_SETTING);
		}
	}

	@Check
	public void checkPeerHasTrafficSelectors(IpsecPeer peer) {
		if (peer.getSelectors().isEmpty()) {
			error("Peer " + peer.getName() + " has no traffic selector; write 'selector local ... remote ...'", peer,
					Literals.IPSEC_PEER__NAME, IssueCodes.PEER_WITHOUT_SELECTORS);
		}
	}

	@Check
	public void checkPeerAddressSyntax(IpsecPeer peer) {
		for (int i = 0; i < peer.getAddresses().size(); i++) {
			String address = peer.getAddresses().get(i);
			if (IpPrefix.parseAddress(address).isEmpty()) {
				error("Peer " + peer.getName() + ": \"" + address + "\" is not an IPv4 or IPv6 address", peer,
						Literals.IPSEC_PEER__ADDRESSES, i, IssueCodes.MALFORMED_IP);
			}
		}
	}

	@Check
	public void checkSelectorSyntax(TrafficSelector selector) {
		String peer = ((IpsecPeer) selector.eContainer()).getName();
		Optional<IpPrefix> local = prefix(selector, selector.getLocal(), Literals.TRAFFIC_SELECTOR__LOCAL, "Peer " + peer);
		Optional<IpPrefix> remote = prefix(selector, selector.getRemote(), Literals.TRAFFIC_SELECTOR__REMOTE,
				"Peer " + peer);
		if (local.isPresent() && remote.isPresent() && local.get().isIpv6() != remote.get().isIpv6()) {
			error("Peer " + peer + ": a traffic selector mixes IPv4 and IPv6", selector,
					Literals.TRAFFIC_SELECTOR__REMOTE, IssueCodes.SELECTOR_FAMILY_MISMATCH);
		}
	}

	@Check
	public void checkBypassSyntax(Bypass bypass) {
		if (bypass.getRemote() != null) {
			prefix(bypass, bypass.getRemote(), Literals.BYPASS__REMOTE, "Bypass " + bypass.getName());
		}
	}

	private Optional<IpPrefix> prefix(EObject owner, String text, EStructuralFeature feature, String who) {
		Optional<IpPrefix> prefix = IpPrefix.parse(text);
		if (prefix.isEmpty()) {
			error(who + ": \"" + text + "\" is not an IPv4 or IPv6 address or prefix", owner, feature,
					IssueCodes.MALFORMED_IP);
		}
		return prefix;
	}

	@Check
	public void checkPortNeedsTransport(TrafficSelector selector) {
		checkPort(selector, Written.has(selector, Literals.TRAFFIC_SELECTOR__PORT), selector.getProtocol(),
				Literals.TRAFFIC_SELECTOR__PORT, "Peer " + ((IpsecPeer) selector.eContainer()).getName());
	}

	@Check
	public void checkPortNeedsTransport(Bypass bypass) {
		checkPort(bypass, Written.has(bypass, Literals.BYPASS__PORT), bypass.getProtocol(), Literals.BYPASS__PORT,
				"Bypass " + bypass.getName());
	}

	private void checkPort(EObject owner, boolean hasPort, IpProtocol protocol, EStructuralFeature feature, String who) {
		if (hasPort && protocol != IpProtocol.TCP && protocol != IpProtocol.UDP) {
			error(who + ": a port needs protocol tcp or udp", owner, feature, IssueCodes.PORT_WITHOUT_TRANSPORT);
		}
	}

	@Check
	public void checkLifetimesAreSensible(IpsecPeer peer) {
		boolean hasIke = Written.has(peer, Literals.IPSEC_PEER__IKE_LIFETIME);
		boolean hasEsp = Written.has(peer, Literals.IPSEC_PEER__ESP_LIFETIME);
		long ike = hasIke ? peer.getIkeLifetime() : DEFAULT_IKE_LIFETIME;
		long esp = hasEsp ? peer.getEspLifetime() : DEFAULT_ESP_LIFETIME;
		if (hasIke && ike < MINIMUM_LIFETIME) {
			error("Peer " + peer.getName() + ": ike-lifetime " + ike + " is shorter than 60 seconds", peer,
					Literals.IPSEC_PEER__IKE_LIFETIME, IssueCodes.LIFETIME_OUT_OF_RANGE);
		} else if (hasEsp && esp < MINIMUM_LIFETIME) {
			error("Peer " + peer.getName() + ": esp-lifetime " + esp + " is shorter than 60 seconds", peer,
					Literals.IPSEC_PEER__ESP_LIFETIME, IssueCodes.LIFETIME_OUT_OF_RANGE);
		} else if (esp > ike) {
			error("Peer " + peer.getName() + ": esp-lifetime " + esp + " exceeds ike-lifetime " + ike, peer,
					hasEsp ? Literals.IPSEC_PEER__ESP_LIFETIME : Literals.IPSEC_PEER__IKE_LIFETIME,
					IssueCodes.LIFETIME_OUT_OF_RANGE);
		}
	}

	@Check
	public void checkEncryptAllHasPeerAndNic(Device device) {
		EffectivePolicy policy = effective(device);
		if (!policy.encryptAll().value()) {
			return;
		}
		if (policy.nics().isEmpty() || policy.peers().isEmpty()) {
			error("Device " + device.getName() + " sets encrypt-all but has no "
					+ (policy.nics().isEmpty() ? "NIC" : "peer") + " to send the traffic through", device,
					Literals.ELEMENT__NAME, IssueCodes.ENCRYPT_ALL_WITHOUT_PEER);
		}
	}
}
