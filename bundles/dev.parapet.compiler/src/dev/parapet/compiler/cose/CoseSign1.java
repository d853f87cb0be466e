// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cose;

import java.security.GeneralSecurityException;

import dev.parapet.compiler.cbor.Cbor;
import dev.parapet.compiler.cbor.CborEncoder;
import dev.parapet.compiler.cbor.CborItem;
import dev.parapet.compiler.keys.PolicySigner;

/**
 * The COSE_Sign1 envelope of docs/formats.md 1.1: tag 18, protected header {1: -7, 3: content type},
 * unprotected header {4: kid}, attached payload, ES256 signature r || s over the Sig_structure.
 */
public final class CoseSign1 {

	public static final long TAG = 18;
	public static final long HEADER_ALG = 1;
	public static final long HEADER_CONTENT_TYPE = 3;
	public static final long HEADER_KID = 4;
	public static final long ALG_ES256 = -7;
	public static final String CONTENT_TYPE = "application/vnd.parapet.policy+cbor";

	private static final byte[] PROTECTED = CborEncoder.encode(
			Cbor.map().put(HEADER_ALG, Cbor.integer(ALG_ES256)).put(HEADER_CONTENT_TYPE, Cbor.text(CONTENT_TYPE)).build());

	private CoseSign1() {
	}

	/** The encoded protected header (the bytes wrapped in the envelope's first bstr). */
	public static byte[] protectedHeader() {
		return PROTECTED.clone();
	}

	/** {@code ["Signature1", protected, h'', payload]} in deterministic encoding (RFC 9052 §4.4). */
	public static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
		return CborEncoder.encode(Cbor.array(Cbor.text("Signature1"), Cbor.bytes(protectedHeader), Cbor.bytes(new byte[0]),
				Cbor.bytes(payload)));
	}

	/** Signs the payload and returns the tagged COSE_Sign1 blob. */
	public static byte[] sign(byte[] payload, PolicySigner signer) throws GeneralSecurityException {
		byte[] signature = signer.signEs256(sigStructure(PROTECTED, payload));
		CborItem envelope = new CborItem.Tagged(TAG, Cbor.array(Cbor.bytes(PROTECTED),
				Cbor.map().put(HEADER_KID, Cbor.bytes(signer.keyId())).build(), Cbor.bytes(payload), Cbor.bytes(signature)));
		return CborEncoder.encode(envelope);
	}
}
