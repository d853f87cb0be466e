// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import dev.parapet.policy.policy.Bypass;
import dev.parapet.policy.policy.CardKeyAuth;
import dev.parapet.policy.policy.CertificateAuth;
import dev.parapet.policy.policy.EspProposal;
import dev.parapet.policy.policy.IkeProposal;
import dev.parapet.policy.policy.IpProtocol;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.Nic;
import dev.parapet.policy.policy.PeerAuth;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.TrafficSelector;
import dev.parapet.review.VerdictRule;

/** NICs, IPsec peers and bypasses. */
final class NetworkJudges {

	private NetworkJudges() {
	}

	/** NICs are the interfaces the runtime takes over; one it no longer takes over passes traffic untouched. */
	static final class NicJudge implements NamedRules.Judge<Nic> {
		@Override
		public void added(Nic nic, Findings findings) {
			findings.narrows(VerdictRule.NIC, "runtime now takes over " + Canon.nic(nic));
		}

		@Override
		public void removed(Nic nic, Findings findings) {
			findings.widens(VerdictRule.NIC, "runtime no longer takes over " + Canon.nic(nic) + ": its traffic bypasses IPsec");
		}

		@Override
		public void changed(Nic before, Nic after, Findings findings) {
			findings.widens(VerdictRule.NIC, "selector " + Canon.nic(before) + " -> " + Canon.nic(after)
					+ ": the old NIC may be released");
			findings.narrows(VerdictRule.NIC, "runtime now takes over " + Canon.nic(after));
		}
	}

	/**
	 * Traffic that a peer's selectors cover is tunnelled. Traffic no selector (or bypass) covers is
	 * dropped under encrypt-all and sent in the clear without it. So covering new traffic widens under
	 * encrypt-all (it was dropped, now it flows) and narrows without (it was clear, now encrypted);
	 * traffic that stops being covered is the reverse.
	 */
	static final class PeerJudge implements NamedRules.Judge<IpsecPeer> {
		private final boolean encryptAllBefore;
		private final boolean encryptAllAfter;

		PeerJudge(boolean encryptAllBefore, boolean encryptAllAfter) {
			this.encryptAllBefore = encryptAllBefore;
			this.encryptAllAfter = encryptAllAfter;
		}

		@Override
		public void added(IpsecPeer peer, Findings findings) {
			covered(selectors(peer.getSelectors()), findings);
		}

		@Override
		public void removed(IpsecPeer peer, Findings findings) {
			uncovered(selectors(peer.getSelectors()), findings);
		}

		@Override
		public void changed(IpsecPeer before, IpsecPeer after, Findings findings) {
			covered(notCovered(after.getSelectors(), before.getSelectors()), findings);
			uncovered(notCovered(before.getSelectors(), after.getSelectors()), findings);
			proposals(before, after, findings);
			auth(before.getAuth(), after.getAuth(), findings);
			identity("address", new TreeSet<>(before.getAddresses()), new TreeSet<>(after.getAddresses()), findings);
			constraint("remote-id", before.getRemoteId(), after.getRemoteId(), findings);
			constraint("remote-ca", before.getRemoteCa() == null ? null : Canon.anchor(before.getRemoteCa()),
					after.getRemoteCa() == null ? null : Canon.anchor(after.getRemoteCa()), findings);
			lifetime("ike-lifetime", before.getIkeLifetime(), after.getIkeLifetime(), findings);
			lifetime("esp-lifetime", before.getEspLifetime(), after.getEspLifetime(), findings);
			if (before.isLegacy() != after.isLegacy()) {
				if (after.isLegacy()) {
					findings.widens(VerdictRule.PEER_LEGACY, "legacy mode enabled");
				} else {
					findings.narrows(VerdictRule.PEER_LEGACY, "legacy mode disabled");
				}
			}
		}

		private void covered(List<String> traffic, Findings findings) {
			if (traffic.isEmpty()) {
				return;
			}
			String text = "tunnel now carries " + Principals.list(traffic);
			if (encryptAllBefore) {
				findings.widens(VerdictRule.TUNNEL_TRAFFIC, text + " (was dropped under encrypt-all)");
			} else {
				findings.narrows(VerdictRule.TUNNEL_TRAFFIC, text + " (was sent in the clear)");
			}
		}

		private void uncovered(List<String> traffic, Findings findings) {
			if (traffic.isEmpty()) {
				return;
			}
			String text = "tunnel no longer carries " + Principals.list(traffic);
			if (encryptAllAfter) {
				findings.narrows(VerdictRule.TUNNEL_TRAFFIC, text + " (now dropped under encrypt-all)");
			} else {
				findings.widens(VerdictRule.TUNNEL_TRAFFIC, text + " (now sent in the clear)");
			}
		}

		private static List<String> selectors(List<TrafficSelector> selectors) {
			return selectors.stream().map(Canon::trafficSelector).sorted().toList();
		}

		/** Selectors of {@code some} whose traffic no selector of {@code others} covers. */
		private static List<String> notCovered(List<TrafficSelector> some, List<TrafficSelector> others) {
			List<String> result = new ArrayList<>();
			for (TrafficSelector selector : some) {
				if (others.stream().noneMatch(other -> contains(other, selector))) {
					result.add(Canon.trafficSelector(selector));
				}
			}
			return result;
		}

		private static boolean contains(TrafficSelector outer, TrafficSelector inner) {
			return Prefix.parse(outer.getLocal()).contains(Prefix.parse(inner.getLocal()))
					&& Prefix.parse(outer.getRemote()).contains(Prefix.parse(inner.getRemote()))
					&& protocolContains(outer.getProtocol(), inner.getProtocol()) && portContains(outer.getPort(), inner.getPort());
		}
	}

	private static void proposals(IpsecPeer before, IpsecPeer after, Findings findings) {
		Findings floors = new Findings();
		floor("weakest IKE proposal", before.getIkeProposals(), after.getIkeProposals(), NetworkJudges::ikeBits, floors);
		floor("weakest ESP proposal", before.getEspProposals(), after.getEspProposals(), NetworkJudges::espBits, floors);
		floor("weakest ESP perfect forward secrecy", before.getEspProposals(), after.getEspProposals(),
				NetworkJudges::pfsBits, floors);
		String ike = Canon.sorted(after.getIkeProposals(), Canon::ike);
		String esp = Canon.sorted(after.getEspProposals(), Canon::esp);
		if (floors.isEmpty() && (!Canon.sorted(before.getIkeProposals(), Canon::ike).equals(ike)
				|| !Canon.sorted(before.getEspProposals(), Canon::esp).equals(esp))) {
			floors.neutral(VerdictRule.PEER_CRYPTO, "proposals changed, weakest strength unchanged: ike " + ike + " esp " + esp);
		}
		findings.addAll(floors);
	}

	private static <P> void floor(String what, List<P> before, List<P> after, ToIntFunction<P> bits, Findings findings) {
		int was = before.stream().mapToInt(bits).min().orElse(Integer.MAX_VALUE);
		int is = after.stream().mapToInt(bits).min().orElse(Integer.MAX_VALUE);
		if (is < was) {
			findings.widens(VerdictRule.PEER_CRYPTO, what + " " + bitsText(was) + " -> " + bitsText(is) + " (weaker)");
		} else if (is > was) {
			findings.narrows(VerdictRule.PEER_CRYPTO, what + " " + bitsText(was) + " -> " + bitsText(is) + " (stronger)");
		}
	}

	private static String bitsText(int bits) {
		return bits == Integer.MAX_VALUE ? "none" : bits == 0 ? "0 bits (no PFS)" : bits + " bits";
	}

	static int ikeBits(IkeProposal proposal) {
		int bits = Math.min(Strengths.ENCRYPTION_BITS.get(proposal.getEncryption()),
				Math.min(Strengths.PRF_BITS.get(proposal.getPrf()), Strengths.DH_BITS.get(proposal.getDh())));
		if (Written.isWritten(proposal, Literals.IKE_PROPOSAL__INTEGRITY)) {
			bits = Math.min(bits, Strengths.INTEGRITY_BITS.get(proposal.getIntegrity()));
		}
		return bits;
	}

	static int espBits(EspProposal proposal) {
		int bits = Strengths.ENCRYPTION_BITS.get(proposal.getEncryption());
		if (Written.isWritten(proposal, Literals.ESP_PROPOSAL__INTEGRITY)) {
			bits = Math.min(bits, Strengths.INTEGRITY_BITS.get(proposal.getIntegrity()));
		}
		return bits;
	}

	static int pfsBits(EspProposal proposal) {
		return Written.isWritten(proposal, Literals.ESP_PROPOSAL__PFS) ? Strengths.DH_BITS.get(proposal.getPfs()) : 0;
	}

	private static void auth(PeerAuth before, PeerAuth after, Findings findings) {
		String was = Canon.auth(before);
		String is = Canon.auth(after);
		if (was.equals(is)) {
			return;
		}
		int rankBefore = authRank(before);
		int rankAfter = authRank(after);
		String change = "auth " + authKind(was) + " -> " + authKind(is);
		if (rankAfter < rankBefore) {
			findings.widens(VerdictRule.PEER_AUTH, change + " (weaker)");
		} else if (rankAfter > rankBefore) {
			findings.narrows(VerdictRule.PEER_AUTH, change + " (stronger)");
		} else {
			findings.neutral(VerdictRule.PEER_AUTH, "auth credential replaced (" + authKind(is) + ")");
		}
	}

	private static String authKind(String canon) {
		int space = canon.indexOf(' ');
		return space < 0 ? canon : canon.substring(0, space);
	}

	private static int authRank(PeerAuth auth) {
		if (auth instanceof CardKeyAuth) {
			return Strengths.AUTH_CARD_KEY;
		}
		if (auth instanceof CertificateAuth) {
			return Strengths.AUTH_CERTIFICATE;
		}
		return Strengths.AUTH_PSK;
	}

	private static void identity(String what, TreeSet<String> before, TreeSet<String> after, Findings findings) {
		findings.members(VerdictRule.PEER_IDENTITY, before, after, what + " added: ", what + " removed: ");
	}

	/** A constraint on who the peer may be: dropping or replacing it trusts someone new. */
	private static void constraint(String what, String before, String after, Findings findings) {
		if (Objects.equals(before, after)) {
			return;
		}
		if (before == null) {
			findings.narrows(VerdictRule.PEER_IDENTITY, what + " now required: " + after);
		} else if (after == null) {
			findings.widens(VerdictRule.PEER_IDENTITY, what + " " + before + " dropped: any identity accepted");
		} else {
			findings.widens(VerdictRule.PEER_IDENTITY, what + " " + after + " now accepted");
			findings.narrows(VerdictRule.PEER_IDENTITY, what + " " + before + " no longer accepted");
		}
	}

	private static void lifetime(String what, long before, long after, Findings findings) {
		if (before == after) {
			return;
		}
		if (before == 0 || after == 0) {
			findings.neutral(VerdictRule.PEER_LIFETIME, what + " " + lifetimeText(before) + " -> " + lifetimeText(after));
		} else if (after > before) {
			findings.widens(VerdictRule.PEER_LIFETIME, what + " " + before + " -> " + after + " s (keys live longer)");
		} else {
			findings.narrows(VerdictRule.PEER_LIFETIME, what + " " + before + " -> " + after + " s");
		}
	}

	private static String lifetimeText(long seconds) {
		return seconds == 0 ? "runtime default" : seconds + " s";
	}

	/** Bypasses let traffic out unencrypted: more of them, or broader ones, widen. */
	static final class BypassJudge implements NamedRules.Judge<Bypass> {
		@Override
		public void added(Bypass bypass, Findings findings) {
			findings.widens(VerdictRule.BYPASS, Canon.bypass(bypass) + " now bypasses IPsec");
		}

		@Override
		public void removed(Bypass bypass, Findings findings) {
			findings.narrows(VerdictRule.BYPASS, Canon.bypass(bypass) + " no longer bypasses IPsec");
		}

		@Override
		public void changed(Bypass before, Bypass after, Findings findings) {
			String change = Canon.bypass(before) + " -> " + Canon.bypass(after);
			if (contains(before, after)) {
				findings.narrows(VerdictRule.BYPASS, change + " (narrower)");
			} else if (contains(after, before)) {
				findings.widens(VerdictRule.BYPASS, change + " (broader)");
			} else {
				findings.widens(VerdictRule.BYPASS, change + ": other traffic now bypasses IPsec");
				findings.narrows(VerdictRule.BYPASS, change + ": some traffic no longer bypasses IPsec");
			}
		}

		private static boolean contains(Bypass outer, Bypass inner) {
			boolean remote = outer.getRemote() == null
					|| inner.getRemote() != null && Prefix.parse(outer.getRemote()).contains(Prefix.parse(inner.getRemote()));
			return remote && protocolContains(outer.getProtocol(), inner.getProtocol())
					&& portContains(outer.getPort(), inner.getPort());
		}
	}

	static boolean protocolContains(IpProtocol outer, IpProtocol inner) {
		return outer == IpProtocol.ANY || outer == inner;
	}

	static boolean portContains(long outer, long inner) {
		return outer == 0 || outer == inner;
	}
}
