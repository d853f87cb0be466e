// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import dev.parapet.policy.policy.CertificateAuth;
import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.Holder;
import dev.parapet.policy.policy.KeyOrigin;
import dev.parapet.policy.policy.Pkcs11KeyReference;
import dev.parapet.policy.policy.Pkcs12KeyReference;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.RecoveryCertificate;
import dev.parapet.policy.policy.StorageKey;
import dev.parapet.policy.policy.TrustAnchor;
import dev.parapet.policy.values.Pkcs11Uri;
import dev.parapet.policy.validation.internal.Groups;
import dev.parapet.policy.validation.internal.RelativeFiles;
import dev.parapet.policy.validation.internal.Written;

/** Storage keys, key references, certificate files and cards (PP7001-PP7008, PP7010-PP7013). */
public final class KeyValidator extends PolicyCheckFamily {

	/** ISO 14443 UIDs and PUPIs: 4, 7 or 10 bytes; Type B PUPIs are 4. Accept 4 to 10 bytes. */
	private static final Pattern CARD_UID = Pattern.compile("([0-9a-fA-F]{2}){4,10}");

	@Check
	public void checkKeyHasStrengthAndOrigin(StorageKey key) {
		List<String> missing = new ArrayList<>();
		if (!Written.has(key, Literals.STORAGE_KEY__STRENGTH)) {
			missing.add("strength");
		}
		if (!Written.has(key, Literals.STORAGE_KEY__ORIGIN)) {
			missing.add("origin");
		}
		if (!missing.isEmpty()) {
			error("Storage key " + key.getName() + " lacks " + String.join(", ", missing), key, Literals.ELEMENT__NAME,
					IssueCodes.MISSING_SETTING);
		}
	}

	@Check(CheckType.NORMAL)
	public void checkKeyIsUsed(StorageKey key) {
		if (!fleetIndex(key).isUsed(key)) {
			warning("Storage key " + key.getName() + " is never used", key, Literals.ELEMENT__NAME,
					IssueCodes.UNUSED_STORAGE_KEY);
		}
	}

	@Check
	public void checkKeyIsWrapped(StorageKey key) {
		if (key.getWrapTo().isEmpty()) {
			error("Storage key " + key.getName() + " is wrapped to no group, so no card can unlock it", key,
					Literals.ELEMENT__NAME, IssueCodes.KEY_NOT_WRAPPED);
		}
	}

	@Check
	public void checkWrapGroupsHaveHolders(StorageKey key) {
		for (int i = 0; i < key.getWrapTo().size(); i++) {
			Group group = key.getWrapTo().get(i);
			if (!group.eIsProxy() && Groups.holders(group).isEmpty()) {
				error("Storage key " + key.getName() + " is wrapped to group " + group.getName()
						+ ", which has no holders", key, Literals.STORAGE_KEY__WRAP_TO, i,
						IssueCodes.KEY_WRAPPED_TO_EMPTY_GROUP);
			}
		}
	}

	@Check
	public void checkEscrowedKeyHasCertificate(StorageKey key) {
		if (key.getOrigin() == KeyOrigin.ESCROWED && Written.has(key, Literals.STORAGE_KEY__ORIGIN)
				&& key.getEscrow() == null) {
			error("Storage key " + key.getName() + " is escrowed but names no recovery certificate ('escrow ...')", key,
					Literals.STORAGE_KEY__ORIGIN, IssueCodes.ESCROW_WITHOUT_CERTIFICATE);
		}
	}

	@Check
	public void checkEscrowOnlyForEscrowedKeys(StorageKey key) {
		if (key.getEscrow() != null && key.getOrigin() != KeyOrigin.ESCROWED) {
			warning("Storage key " + key.getName() + " names a recovery certificate but its origin is not escrowed; no recovery copy is made",
					key, Literals.STORAGE_KEY__ESCROW, IssueCodes.ESCROW_NOT_ESCROWED);
		}
	}

	@Check
	public void checkPkcs11Uri(Pkcs11KeyReference reference) {
		String uri = reference.getUri();
		if (uri != null && uri.contains("pin-value")) {
			error("PKCS#11 URI carries a PIN (pin-value); reference the key only and let the token ask for its PIN",
					reference, Literals.PKCS11_KEY_REFERENCE__URI, IssueCodes.PKCS11_URI_WITH_SECRET);
			return;
		}
		Pkcs11Uri.Result parsed = Pkcs11Uri.parse(uri);
		if (parsed.problem() != null) {
			error("PKCS#11 URI \"" + uri + "\" is malformed (RFC 7512): " + parsed.problem(), reference,
					Literals.PKCS11_KEY_REFERENCE__URI, IssueCodes.MALFORMED_PKCS11_URI);
		}
	}

	@Check(CheckType.NORMAL)
	public void checkPkcs12FileExists(Pkcs12KeyReference reference) {
		if (RelativeFiles.isMissing(reference, reference.getFile())) {
			warning("PKCS#12 file " + reference.getFile() + " does not exist", reference,
					Literals.PKCS12_KEY_REFERENCE__FILE, IssueCodes.PKCS12_FILE_MISSING);
		}
	}

	@Check(CheckType.NORMAL)
	public void checkCertificateFile(TrustAnchor anchor) {
		checkCertificate(anchor, anchor.getFile(), Literals.TRUST_ANCHOR__FILE, " of trust anchor " + anchor.getName());
	}

	@Check(CheckType.NORMAL)
	public void checkCertificateFile(RecoveryCertificate certificate) {
		checkCertificate(certificate, certificate.getFile(), Literals.RECOVERY_CERTIFICATE__FILE,
				" of recovery certificate " + certificate.getName());
	}

	@Check(CheckType.NORMAL)
	public void checkCertificateFile(CertificateAuth auth) {
		checkCertificate(auth, auth.getFile(), Literals.CERTIFICATE_AUTH__FILE, "");
	}

	private void checkCertificate(EObject owner, String file, EStructuralFeature feature, String of) {
		if (RelativeFiles.isMissing(owner, file)) {
			warning("Certificate file " + file + of + " does not exist", owner, feature,
					IssueCodes.CERTIFICATE_FILE_MISSING);
		} else if (RelativeFiles.isUnreadableCertificate(owner, file)) {
			error("Certificate file " + file + of + " holds no X.509 certificate (PEM or DER)", owner, feature,
					IssueCodes.NOT_A_CERTIFICATE);
		}
	}

	@Check
	public void checkCardUidSyntax(Holder holder) {
		for (int i = 0; i < holder.getCards().size(); i++) {
			String card = holder.getCards().get(i);
			if (!CARD_UID.matcher(card).matches()) {
				error("Holder " + holder.getName() + ": card UID \"" + card + "\" is not 4 to 10 bytes in hexadecimal",
						holder, Literals.HOLDER__CARDS, i, IssueCodes.MALFORMED_CARD_UID);
			}
		}
	}

	@Check(CheckType.NORMAL)
	public void checkCardBelongsToOneHolder(Holder holder) {
		for (int i = 0; i < holder.getCards().size(); i++) {
			String card = holder.getCards().get(i);
			for (Holder other : fleetIndex(holder).holdersOf(card)) {
				if (other != holder) {
					error("Card " + card + " of holder " + holder.getName() + " is also listed for holder "
							+ other.getName(), holder, Literals.HOLDER__CARDS, i, IssueCodes.DUPLICATE_CARD);
					break;
				}
			}
		}
	}
}
