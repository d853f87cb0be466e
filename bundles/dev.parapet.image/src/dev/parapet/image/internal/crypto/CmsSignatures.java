// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** Verifies the single signer of a CMS / PKCS#7 SignedData against trusted certificates. */
public final class CmsSignatures {

	private CmsSignatures() {
	}

	/**
	 * Checks that {@code signed} has exactly one signer, that its signature over the (attached)
	 * content verifies with the certificate it carries, and that this certificate chains to
	 * {@code trust}. Returns the signer's certificate.
	 */
	public static X509Certificate verifySingleSigner(CMSSignedData signed, List<X509Certificate> trust) throws GeneralSecurityException {
		try {
			Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				throw new GeneralSecurityException("expected one signer, found " + signers.size());
			}
			SignerInformation si = signers.iterator().next();
			JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
			List<X509Certificate> carried = new ArrayList<>();
			for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
				carried.add(conv.getCertificate(h));
			}
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(si.getSID());
			if (matches.size() != 1) {
				throw new GeneralSecurityException("signer certificate not carried in the signature");
			}
			X509Certificate signer = conv.getCertificate(matches.iterator().next());
			if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
				throw new GeneralSecurityException("signature does not verify");
			}
			TrustChain.anchor(signer, carried, trust);
			return signer;
		} catch (CMSException | OperatorCreationException | CertificateException e) {
			throw new GeneralSecurityException("signature does not verify: " + e.getMessage(), e);
		}
	}
}
