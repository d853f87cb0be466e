// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.manifest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import dev.parapet.image.SigningKey;

/**
 * Signs the manifest as CMS SignedData (RFC 5652) with the content attached (id-data), DER, as
 * {@code openssl cms -verify} reads it. There is no signing time and RSA PKCS#1 v1.5
 * is deterministic, so the same manifest and key give the same bytes.
 */
public final class CmsManifestSigner {

	private static final String ALGORITHM = "SHA256withRSA";

	private CmsManifestSigner() {
	}

	/** The DER SignedData over {@code content}. */
	public static byte[] sign(byte[] content, SigningKey key) throws GeneralSecurityException {
		try {
			CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
			gen.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
					.setSignedAttributeGenerator(CmsManifestSigner::signedAttributes)
					.build(new KeySigner(key), new X509CertificateHolder(key.certificate().getEncoded())));
			List<X509Certificate> chain = new ArrayList<>(key.chain());
			gen.addCertificates(new JcaCertStore(chain));
			return gen.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
		} catch (CMSException | OperatorCreationException | IOException | CertificateEncodingException e) {
			throw new GeneralSecurityException("cannot sign the image manifest: " + e.getMessage(), e);
		}
	}

	/**
	 * Only content type and message digest: no signing time, which would either break
	 * reproducibility (the clock) or make verifiers reject certificates issued after
	 * SOURCE_DATE_EPOCH; the manifest carries its own creation time.
	 */
	private static AttributeTable signedAttributes(Map<?, ?> parameters) {
		ASN1EncodableVector attrs = new ASN1EncodableVector();
		attrs.add(new Attribute(CMSAttributes.contentType, new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
		attrs.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
		return new AttributeTable(attrs);
	}

	/** A BouncyCastle ContentSigner over a {@link SigningKey}, which may live on a token. */
	private static final class KeySigner implements ContentSigner {
		private final SigningKey key;
		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		KeySigner(SigningKey key) {
			this.key = key;
		}

		@Override
		public AlgorithmIdentifier getAlgorithmIdentifier() {
			return new DefaultSignatureAlgorithmIdentifierFinder().find(ALGORITHM);
		}

		@Override
		public OutputStream getOutputStream() {
			return buffer;
		}

		@Override
		public byte[] getSignature() {
			try {
				return key.sign(ALGORITHM, buffer.toByteArray());
			} catch (GeneralSecurityException e) {
				throw new IllegalStateException("signing key refused to sign the manifest", e);
			}
		}
	}
}
