// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.pe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;

import dev.parapet.image.internal.crypto.TrustChain;

/**
 * Checks an Authenticode signature the way UEFI firmware does: one WIN_CERTIFICATE of type
 * PKCS_SIGNED_DATA at the end of the file, an SpcIndirectDataContent whose SHA-256 equals the
 * recomputed image hash, and a signer that verifies and chains to a trusted certificate.
 */
public final class AuthenticodeVerifier {

	private AuthenticodeVerifier() {
	}

	/** Returns the signer certificate, or throws naming the failed check. */
	public static X509Certificate verify(byte[] image, List<X509Certificate> trust) throws PeFormatException, GeneralSecurityException {
		PeImage pe = PeImage.parse(image);
		long off = pe.certificateTableOffset();
		long size = pe.certificateTableSize();
		if (size == 0) {
			throw new GeneralSecurityException("EFI binary is not signed");
		}
		if (off % 8 != 0 || off + size != image.length || size < 16) {
			throw new PeFormatException("certificate table is misplaced");
		}
		ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
		int length = b.getInt((int) off);
		if (length > size || length < 16 || b.getShort((int) off + 4) != 0x0200 || b.getShort((int) off + 6) != 0x0002) {
			throw new PeFormatException("certificate table does not hold one PKCS#7 WIN_CERTIFICATE");
		}
		if (((length + 7) & ~7) != size) {
			throw new PeFormatException("certificate table holds more than one WIN_CERTIFICATE");
		}
		byte[] pkcs7 = Arrays.copyOfRange(image, (int) off + 8, (int) off + length);
		try {
			// BouncyCastle's CMS classes expect an OCTET STRING content; Authenticode has a SEQUENCE,
			// so the one signer is checked here by hand, as RFC 2315 §9.3 describes
			ASN1Primitive parsed;
			try (ASN1InputStream in = new ASN1InputStream(pkcs7)) {
				parsed = in.readObject();
			}
			// WIN_CERTIFICATE lengths are rounded up to 8 bytes: at most 7 zero bytes may follow the DER
			int der = parsed.getEncoded("DER").length;
			for (int i = der; i < pkcs7.length; i++) {
				if (pkcs7[i] != 0 || pkcs7.length - der > 7) {
					throw new GeneralSecurityException("data after the PKCS#7 signature in the certificate table");
				}
			}
			ContentInfo ci = ContentInfo.getInstance(parsed);
			if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
				throw new GeneralSecurityException("certificate table does not hold PKCS#7 SignedData");
			}
			ASN1Sequence sd = ASN1Sequence.getInstance(ci.getContent());
			ASN1Sequence encap = ASN1Sequence.getInstance(sd.getObjectAt(2));
			if (!AuthenticodeSigner.SPC_INDIRECT_DATA.equals(ASN1ObjectIdentifier.getInstance(encap.getObjectAt(0)))) {
				throw new GeneralSecurityException("signed content is not SpcIndirectDataContent");
			}
			ASN1Sequence idc = ASN1Sequence.getInstance(ASN1TaggedObject.getInstance(encap.getObjectAt(1)).getExplicitBaseObject());
			ASN1Sequence digestInfo = ASN1Sequence.getInstance(idc.getObjectAt(1));
			AlgorithmIdentifier alg = AlgorithmIdentifier.getInstance(digestInfo.getObjectAt(0));
			if (!NISTObjectIdentifiers.id_sha256.equals(alg.getAlgorithm())) {
				throw new GeneralSecurityException("image hash algorithm is not SHA-256");
			}
			byte[] signedDigest = ASN1OctetString.getInstance(digestInfo.getObjectAt(1)).getOctets();
			if (!MessageDigest.isEqual(signedDigest, pe.authenticodeDigest("SHA-256"))) {
				throw new GeneralSecurityException("Authenticode image hash does not match the binary");
			}
			List<X509Certificate> carried = new ArrayList<>();
			CertificateFactory cf = CertificateFactory.getInstance("X.509");
			ASN1Set signers = null;
			for (int i = 3; i < sd.size(); i++) {
				ASN1Encodable e = sd.getObjectAt(i);
				if (e instanceof ASN1TaggedObject t && t.getTagNo() == 0) {
					for (ASN1Encodable c : ASN1Set.getInstance(t, false)) {
						carried.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(c.toASN1Primitive().getEncoded("DER"))));
					}
				} else if (e instanceof ASN1Set set) {
					signers = set;
				}
			}
			if (signers == null || signers.size() != 1) {
				throw new GeneralSecurityException("expected exactly one signer");
			}
			SignerInfo si = SignerInfo.getInstance(signers.getObjectAt(0));
			IssuerAndSerialNumber sid = IssuerAndSerialNumber.getInstance(si.getSID().getId());
			X509Certificate signer = null;
			for (X509Certificate c : carried) {
				Certificate bc = Certificate.getInstance(c.getEncoded());
				if (bc.getIssuer().equals(sid.getName()) && bc.getSerialNumber().getValue().equals(sid.getSerialNumber().getValue())) {
					signer = c;
				}
			}
			if (signer == null) {
				throw new GeneralSecurityException("signer certificate not carried in the signature");
			}
			if (si.getAuthenticatedAttributes() == null) {
				throw new GeneralSecurityException("signer has no authenticated attributes");
			}
			byte[] idcDer = idc.getEncoded("DER");
			int header = (idcDer[1] & 0xff) < 0x80 ? 2 : 2 + (idcDer[1] & 0x7f);
			byte[] contentDigest = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(idcDer, header, idcDer.length));
			AttributeTable attrs = new AttributeTable(si.getAuthenticatedAttributes());
			Attribute md = attrs.get(CMSAttributes.messageDigest);
			Attribute ct = attrs.get(CMSAttributes.contentType);
			if (md == null || ct == null || !AuthenticodeSigner.SPC_INDIRECT_DATA.equals(ct.getAttrValues().getObjectAt(0))
					|| !MessageDigest.isEqual(contentDigest, ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets())) {
				throw new GeneralSecurityException("signed attributes do not match the signed content");
			}
			if (!NISTObjectIdentifiers.id_sha256.equals(si.getDigestAlgorithm().getAlgorithm())) {
				throw new GeneralSecurityException("signer digest algorithm is not SHA-256");
			}
			Signature sig = Signature.getInstance("SHA256withRSA");
			sig.initVerify(signer.getPublicKey());
			sig.update(si.getAuthenticatedAttributes().getEncoded("DER"));
			if (!sig.verify(si.getEncryptedDigest().getOctets())) {
				throw new GeneralSecurityException("Authenticode signature does not verify");
			}
			TrustChain.anchor(signer, carried, trust);
			return signer;
		} catch (IOException | IllegalArgumentException | ClassCastException | IllegalStateException e) {
			throw new GeneralSecurityException("Authenticode signature is malformed: " + e.getMessage(), e);
		}
	}
}
