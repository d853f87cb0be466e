// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.policy.DhGroup;
import dev.parapet.policy.policy.EncryptionAlgorithm;
import dev.parapet.policy.policy.EspProposal;
import dev.parapet.policy.policy.IkeProposal;
import dev.parapet.policy.policy.IntegrityAlgorithm;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.PrfAlgorithm;
import dev.parapet.policy.validation.internal.Written;

/**
 * IPsec algorithm strength (PP4001-PP4004). Weak algorithms are refused unless the peer is marked
 * {@code legacy} and the fleet runs the bitvisor runtime, whose peers may predate modern suites.
 */
public final class CryptoStrengthValidator extends PolicyCheckFamily {

	private static final Set<EncryptionAlgorithm> WEAK_ENCRYPTION = Set.of(EncryptionAlgorithm.DES_CBC,
			EncryptionAlgorithm.TRIPLE_DES_CBC);
	private static final Set<IntegrityAlgorithm> WEAK_INTEGRITY = Set.of(IntegrityAlgorithm.HMAC_SHA1,
			IntegrityAlgorithm.HMAC_MD5);
	private static final Set<PrfAlgorithm> WEAK_PRF = Set.of(PrfAlgorithm.SHA1, PrfAlgorithm.MD5);
	private static final Set<DhGroup> WEAK_DH = Set.of(DhGroup.MODP_1024, DhGroup.MODP_1536);
	private static final Set<EncryptionAlgorithm> AEAD = Set.of(EncryptionAlgorithm.AES_128_GCM,
			EncryptionAlgorithm.AES_256_GCM);

	@Check
	public void checkIkeProposalIsStrong(IkeProposal proposal) {
		reportWeak(proposal, proposal.getEncryption(), WEAK_ENCRYPTION.contains(proposal.getEncryption()),
				Literals.IKE_PROPOSAL__ENCRYPTION);
		reportWeak(proposal, proposal.getIntegrity(), proposal.getIntegrity() != null
				&& WEAK_INTEGRITY.contains(proposal.getIntegrity()), Literals.IKE_PROPOSAL__INTEGRITY);
		reportWeak(proposal, proposal.getPrf(), WEAK_PRF.contains(proposal.getPrf()), Literals.IKE_PROPOSAL__PRF);
		reportWeak(proposal, proposal.getDh(), WEAK_DH.contains(proposal.getDh()), Literals.IKE_PROPOSAL__DH);
	}

	@Check
	public void checkEspProposalIsStrong(EspProposal proposal) {
		reportWeak(proposal, proposal.getEncryption(), WEAK_ENCRYPTION.contains(proposal.getEncryption()),
				Literals.ESP_PROPOSAL__ENCRYPTION);
		reportWeak(proposal, proposal.getIntegrity(), proposal.getIntegrity() != null
				&& WEAK_INTEGRITY.contains(proposal.getIntegrity()), Literals.ESP_PROPOSAL__INTEGRITY);
		reportWeak(proposal, proposal.getPfs(), proposal.getPfs() != null && WEAK_DH.contains(proposal.getPfs()),
				Literals.ESP_PROPOSAL__PFS);
	}

	private void reportWeak(EObject proposal, Object algorithm, boolean weak, EStructuralFeature feature) {
		if (!weak) {
			return;
		}
		IpsecPeer peer = (IpsecPeer) proposal.eContainer();
		if (peer.isLegacy() && isBitvisorTarget(proposal)) {
			return;
		}
		error("Peer " + peer.getName() + ": " + algorithm + " is too weak; allowed only for a legacy peer on the bitvisor runtime",
				proposal, feature, IssueCodes.WEAK_ALGORITHM);
	}

	@Check
	public void checkLegacyNeedsBitvisor(IpsecPeer peer) {
		if (peer.isLegacy() && !isBitvisorTarget(peer)) {
			error("Peer " + peer.getName() + " is marked legacy, which only the bitvisor runtime accepts", peer,
					Literals.IPSEC_PEER__LEGACY, IssueCodes.LEGACY_NOT_ALLOWED);
		}
	}

	@Check
	public void checkIntegrityFitsCipher(IkeProposal proposal) {
		checkIntegrity(proposal, proposal.getEncryption(), Written.has(proposal, Literals.IKE_PROPOSAL__INTEGRITY),
				Literals.IKE_PROPOSAL__INTEGRITY, Literals.IKE_PROPOSAL__ENCRYPTION);
	}

	@Check
	public void checkIntegrityFitsCipher(EspProposal proposal) {
		checkIntegrity(proposal, proposal.getEncryption(), Written.has(proposal, Literals.ESP_PROPOSAL__INTEGRITY),
				Literals.ESP_PROPOSAL__INTEGRITY, Literals.ESP_PROPOSAL__ENCRYPTION);
	}

	private void checkIntegrity(EObject proposal, EncryptionAlgorithm encryption, boolean hasIntegrity,
			EStructuralFeature integrityFeature, EStructuralFeature encryptionFeature) {
		String peer = ((IpsecPeer) proposal.eContainer()).getName();
		if (AEAD.contains(encryption) && hasIntegrity) {
			error("Peer " + peer + ": " + encryption + " authenticates itself; drop the integrity algorithm", proposal,
					integrityFeature, IssueCodes.GCM_WITH_INTEGRITY);
		} else if (!AEAD.contains(encryption) && !hasIntegrity) {
			error("Peer " + peer + ": " + encryption + " needs an integrity algorithm", proposal, encryptionFeature,
					IssueCodes.CBC_WITHOUT_INTEGRITY);
		}
	}
}
