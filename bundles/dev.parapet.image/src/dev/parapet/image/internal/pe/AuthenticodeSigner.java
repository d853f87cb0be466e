// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;

import dev.parapet.image.SigningKey;

/**
 * Authenticode-signs a PE image for UEFI Secure Boot: a PKCS#7 SignedData over an
 * SpcIndirectDataContent carrying the SHA-256 image hash, appended as a WIN_CERTIFICATE
 * (revision 2, PKCS_SIGNED_DATA). The structure is built with BouncyCastle's ASN.1 classes because
 * Authenticode puts the SpcIndirectDataContent directly into the content field, which CMS
 * generators wrap in an OCTET STRING. RSA PKCS#1 v1.5 signatures are deterministic, so the same
 * binary and key give the same signed bytes.
 */
public final class AuthenticodeSigner {

	static final ASN1ObjectIdentifier SPC_INDIRECT_DATA = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.4");
	static final ASN1ObjectIdentifier SPC_PE_IMAGE_DATA = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.15");
	static final ASN1ObjectIdentifier SPC_SP_OPUS_INFO = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.12");
	static final ASN1ObjectIdentifier SPC_STATEMENT_TYPE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.11");
	static final ASN1ObjectIdentifier SPC_INDIVIDUAL_SP_KEY_PURPOSE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.21");
	private static final int WIN_CERT_REVISION_2 = 0x0200;
	private static final int WIN_CERT_TYPE_PKCS_SIGNED_DATA = 0x0002;

	private AuthenticodeSigner() {
	}

	/** Returns a signed copy of {@code unsigned}; the input must carry no signature yet. */
	public static byte[] sign(byte[] unsigned, SigningKey key) throws PeFormatException, GeneralSecurityException {
		if (!(key.certificate().getPublicKey() instanceof RSAPublicKey)) {
			throw new GeneralSecurityException("Secure Boot signing key must be RSA (UEFI db verification)");
		}
		PeImage original = PeImage.parse(unsigned);
		if (original.certificateTableSize() != 0) {
			throw new PeFormatException("image is already signed");
		}
		// the certificate table must start 8-byte aligned; the padding is part of the hashed image
		int padded = (unsigned.length + 7) & ~7;
		byte[] image = Arrays.copyOf(unsigned, padded);
		PeImage pe = PeImage.parse(image);
		byte[] digest = pe.authenticodeDigest("SHA-256");
		byte[] pkcs7 = signedData(digest, key);
		int certLength = 8 + pkcs7.length;
		int certPadded = (certLength + 7) & ~7;
		byte[] out = Arrays.copyOf(image, padded + certPadded);
		ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(padded, certPadded);
		b.putShort(padded + 4, (short) WIN_CERT_REVISION_2);
		b.putShort(padded + 6, (short) WIN_CERT_TYPE_PKCS_SIGNED_DATA);
		System.arraycopy(pkcs7, 0, out, padded + 8, pkcs7.length);
		PeImage signed = PeImage.parse(out);
		signed.setCertificateTable(padded, certPadded);
		signed.setChecksum(0);
		signed.setChecksum(signed.computeChecksum());
		return out;
	}

	/** The DER SpcIndirectDataContent for an image hash. */
	static ASN1Sequence indirectData(byte[] digest) {
		ASN1Encodable file = new DERTaggedObject(true, 0,
				new DERTaggedObject(true, 2, new DERTaggedObject(false, 0, new DERBMPString("<<<Obsolete>>>"))));
		ASN1Sequence peImageData = new DERSequence(new ASN1Encodable[] { new DERBitString(new byte[0]), file });
		ASN1Sequence attribute = new DERSequence(new ASN1Encodable[] { SPC_PE_IMAGE_DATA, peImageData });
		ASN1Sequence digestInfo = new DERSequence(new ASN1Encodable[] { sha256(), new DEROctetString(digest) });
		return new DERSequence(new ASN1Encodable[] { attribute, digestInfo });
	}

	private static byte[] signedData(byte[] digest, SigningKey key) throws GeneralSecurityException {
		try {
			ASN1Sequence idc = indirectData(digest);
			// Authenticode's messageDigest covers the content octets without the outer SEQUENCE header
			byte[] idcDer = idc.getEncoded(ASN1Encoding.DER);
			byte[] body = Arrays.copyOfRange(idcDer, headerLength(idcDer), idcDer.length);
			byte[] contentDigest = MessageDigest.getInstance("SHA-256").digest(body);

			ASN1EncodableVector attrs = new ASN1EncodableVector();
			attrs.add(new Attribute(CMSAttributes.contentType, new DERSet(SPC_INDIRECT_DATA)));
			attrs.add(new Attribute(SPC_STATEMENT_TYPE, new DERSet(new DERSequence(SPC_INDIVIDUAL_SP_KEY_PURPOSE))));
			attrs.add(new Attribute(SPC_SP_OPUS_INFO, new DERSet(new DERSequence())));
			attrs.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(contentDigest))));
			DERSet signedAttrs = new DERSet(attrs);
			byte[] signature = key.sign("SHA256withRSA", signedAttrs.getEncoded(ASN1Encoding.DER));

			X509Certificate signer = key.certificate();
			Certificate signerCert = Certificate.getInstance(signer.getEncoded());
			ASN1EncodableVector si = new ASN1EncodableVector();
			si.add(new ASN1Integer(1));
			si.add(new IssuerAndSerialNumber(signerCert.getIssuer(), signerCert.getSerialNumber().getValue()));
			si.add(sha256());
			si.add(new DERTaggedObject(false, 0, signedAttrs));
			si.add(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE));
			si.add(new DEROctetString(signature));

			ASN1EncodableVector certs = new ASN1EncodableVector();
			for (X509Certificate c : key.chain()) {
				certs.add(Certificate.getInstance(c.getEncoded()));
			}
			ASN1EncodableVector sd = new ASN1EncodableVector();
			sd.add(new ASN1Integer(1));
			sd.add(new DERSet(sha256()));
			sd.add(new DERSequence(new ASN1Encodable[] { SPC_INDIRECT_DATA, new DERTaggedObject(true, 0, idc) }));
			sd.add(new DERTaggedObject(false, 0, new DERSet(certs)));
			sd.add(new DERSet(new DERSequence(si)));
			DERSequence contentInfo = new DERSequence(new ASN1Encodable[] {
					CMSObjectIdentifiers.signedData, new DERTaggedObject(true, 0, new DERSequence(sd)) });
			return contentInfo.getEncoded(ASN1Encoding.DER);
		} catch (IOException e) {
			throw new GeneralSecurityException("cannot encode Authenticode signature", e);
		}
	}

	private static AlgorithmIdentifier sha256() {
		return new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
	}

	private static int headerLength(byte[] der) {
		int first = der[1] & 0xff;
		return first < 0x80 ? 2 : 2 + (first & 0x7f);
	}
}
