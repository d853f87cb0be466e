// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.Certificate;
import dev.parapet.compiler.model.DevicePolicy.Bypass;
import dev.parapet.compiler.model.DevicePolicy.EspProposal;
import dev.parapet.compiler.model.DevicePolicy.IkeProposal;
import dev.parapet.compiler.model.DevicePolicy.Network;
import dev.parapet.compiler.model.DevicePolicy.Nic;
import dev.parapet.compiler.model.DevicePolicy.Peer;
import dev.parapet.compiler.model.DevicePolicy.PeerAuth;
import dev.parapet.compiler.model.DevicePolicy.TrafficSelector;
import dev.parapet.compiler.model.IpPrefix;
import dev.parapet.compiler.model.PciSelector;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.CardKeyAuth;
import dev.parapet.policy.policy.CertificateAuth;
import dev.parapet.policy.policy.IpProtocol;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.KeyReference;
import dev.parapet.policy.policy.PciByAddress;
import dev.parapet.policy.policy.PciByClass;
import dev.parapet.policy.policy.PciById;
import dev.parapet.policy.policy.Pkcs11KeyReference;
import dev.parapet.policy.policy.Pkcs12KeyReference;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.PskAuth;

/** The network part of the canonical model: NICs, IPsec peers and bypass rules. */
final class NetworkPolicyBuilder {

	/** IKE SA lifetime when a peer does not write {@code ike-lifetime}: 8 hours. */
	static final long DEFAULT_IKE_LIFETIME = 28_800;
	/** ESP SA lifetime when a peer does not write {@code esp-lifetime}: 1 hour. */
	static final long DEFAULT_ESP_LIFETIME = 3_600;

	Network build(EffectivePolicy effective) throws CompileException {
		List<Nic> nics = new ArrayList<>();
		for (dev.parapet.policy.policy.Nic nic : effective.nics()) {
			SourceLink source = SourceLink.of(nic);
			nics.add(new Nic(nic.getName(), selector(nic.getSelector(), source), source));
		}
		List<Peer> peers = new ArrayList<>();
		for (IpsecPeer peer : effective.peers()) {
			peers.add(peer(peer));
		}
		List<Bypass> bypasses = new ArrayList<>();
		for (dev.parapet.policy.policy.Bypass bypass : effective.bypasses()) {
			SourceLink source = SourceLink.of(bypass);
			String field = "bypass " + bypass.getName();
			bypasses.add(new Bypass(bypass.getName(), bypass.getProtocol(),
					bypass.getRemote() == null ? Optional.empty()
							: Optional.of(TextValues.prefix(bypass.getRemote(), source, field + " remote")),
					port(bypass.getPort(), source, field), source));
		}
		return new Network(nics, DevicePolicyBuilder.sourced(effective.encryptAll()), peers, bypasses);
	}

	static PciSelector selector(dev.parapet.policy.policy.PciSelector selector, SourceLink source)
			throws CompileException {
		return switch (selector) {
		case PciById id -> TextValues.pciId(id.getId(), source);
		case PciByAddress address -> TextValues.pciAddress(address.getAddress(), source);
		case PciByClass pciClass -> TextValues.pciClass(pciClass.getPciClass(), source);
		case null, default -> throw new CompileException(source, "missing PCI selector");
		};
	}

	private static Peer peer(IpsecPeer peer) throws CompileException {
		SourceLink source = SourceLink.of(peer);
		String field = "peer " + peer.getName();
		List<InetAddress> addresses = new ArrayList<>();
		for (String address : peer.getAddresses()) {
			addresses.add(TextValues.address(address, source, field + " address"));
		}
		require(!addresses.isEmpty(), source, field + ": needs at least one address");
		List<IkeProposal> ike = new ArrayList<>();
		for (dev.parapet.policy.policy.IkeProposal p : peer.getIkeProposals()) {
			ike.add(new IkeProposal(p.getEncryption(), written(p, Literals.IKE_PROPOSAL__INTEGRITY) ? Optional.of(p.getIntegrity())
					: Optional.empty(), p.getPrf(), p.getDh(), SourceLink.of(p)));
		}
		require(!ike.isEmpty(), source, field + ": needs at least one ike-proposal");
		List<EspProposal> esp = new ArrayList<>();
		for (dev.parapet.policy.policy.EspProposal p : peer.getEspProposals()) {
			esp.add(new EspProposal(p.getEncryption(),
					written(p, Literals.ESP_PROPOSAL__INTEGRITY) ? Optional.of(p.getIntegrity()) : Optional.empty(),
					written(p, Literals.ESP_PROPOSAL__PFS) ? Optional.of(p.getPfs()) : Optional.empty(), SourceLink.of(p)));
		}
		require(!esp.isEmpty(), source, field + ": needs at least one esp-proposal");
		List<TrafficSelector> selectors = new ArrayList<>();
		for (dev.parapet.policy.policy.TrafficSelector s : peer.getSelectors()) {
			SourceLink at = SourceLink.of(s);
			IpPrefix local = TextValues.prefix(s.getLocal(), at, field + " selector local");
			IpPrefix remote = TextValues.prefix(s.getRemote(), at, field + " selector remote");
			require(local.address().getAddress().length == remote.address().getAddress().length, at,
					field + ": selector mixes IPv4 and IPv6");
			selectors.add(new TrafficSelector(local, remote, protocol(s.getProtocol(), s), port(s.getPort(), at, field), at));
		}
		require(!selectors.isEmpty(), source, field + ": needs at least one selector");
		Optional<Certificate> remoteCa = Optional.empty();
		if (peer.getRemoteCa() != null) {
			remoteCa = Optional.of(new Certificate(peer.getRemoteCa().getName(), CertificateFiles
					.readDer(peer.getRemoteCa(), peer.getRemoteCa().getFile(), field + " remote-ca"), source));
		}
		return new Peer(peer.getName(), addresses, ike, esp, auth(peer, field), Optional.ofNullable(peer.getRemoteId()),
				selectors, written(peer, Literals.IPSEC_PEER__IKE_LIFETIME) ? peer.getIkeLifetime() : DEFAULT_IKE_LIFETIME,
				written(peer, Literals.IPSEC_PEER__ESP_LIFETIME) ? peer.getEspLifetime() : DEFAULT_ESP_LIFETIME, remoteCa,
				peer.isLegacy(), source);
	}

	private static PeerAuth auth(IpsecPeer peer, String field) throws CompileException {
		SourceLink source = SourceLink.of(peer.getAuth() == null ? peer : peer.getAuth());
		return switch (peer.getAuth()) {
		case CardKeyAuth card -> new PeerAuth(PeerAuth.Kind.CARD_KEY, Optional.empty(), Optional.empty(), source);
		case CertificateAuth cert -> new PeerAuth(PeerAuth.Kind.CERTIFICATE,
				Optional.of(new Certificate(peer.getName(),
						CertificateFiles.readDer(cert, cert.getFile(), field + " auth certificate"), source)),
				Optional.of(reference(cert.getKey())), source);
		case PskAuth psk -> new PeerAuth(PeerAuth.Kind.PSK, Optional.empty(), Optional.of(reference(psk.getKey())), source);
		case null, default -> throw new CompileException(source, field + ": needs auth");
		};
	}

	/**
	 * The name under which the runtime's key store finds a key: the PKCS#11 URI as written, or
	 * {@code pkcs12:FILE#ALIAS}.
	 */
	static String reference(KeyReference key) {
		return switch (key) {
		case Pkcs11KeyReference p11 -> p11.getUri();
		case Pkcs12KeyReference p12 -> "pkcs12:" + p12.getFile() + "#" + p12.getAlias();
		default -> throw new IllegalArgumentException("Unknown key reference " + key);
		};
	}

	private static IpProtocol protocol(IpProtocol protocol, org.eclipse.emf.ecore.EObject owner) {
		return written(owner, Literals.TRAFFIC_SELECTOR__PROTOCOL) ? protocol : IpProtocol.ANY;
	}

	private static int port(long port, SourceLink source, String field) throws CompileException {
		require(port <= 0xFFFF, source, field + ": port " + port + " is above 65535");
		return (int) port;
	}

	private static boolean written(org.eclipse.emf.ecore.EObject owner, org.eclipse.emf.ecore.EStructuralFeature feature) {
		return WrittenFeatures.isWritten(owner, feature);
	}

	private static void require(boolean condition, SourceLink source, String message) throws CompileException {
		if (!condition) {
			throw new CompileException(source, message);
		}
	}
}
