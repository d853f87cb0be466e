// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cose;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonObject;

import dev.parapet.compiler.PolicyIds;
import dev.parapet.compiler.cbor.Cbor;
import dev.parapet.compiler.cbor.CborDecoder;
import dev.parapet.compiler.cbor.CborFormatException;
import dev.parapet.compiler.cbor.CborItem;
import dev.parapet.compiler.internal.Sha256;
import dev.parapet.compiler.keys.Es256;
import dev.parapet.compiler.schema.PolicySchema;
import dev.parapet.compiler.schema.SchemaException;

/**
 * Reads policy blobs as the runtime does (docs/formats.md 1): strict deterministic CBOR, the exact
 * protected header, a 64-byte ES256 signature with r and s in [1, n-1], a schema-1 payload and a
 * matching policy id. {@link #verify} also checks the signature against a trusted key.
 */
public final class PolicyBlobReader {

	private PolicyBlobReader() {
	}

	/** Verifies the signature with the trusted key, then decodes. */
	public static DecodedBlob verify(byte[] blob, PublicKey trusted) throws InvalidPolicyException {
		if (!Es256.isP256(trusted)) {
			throw new InvalidPolicyException("Trusted key is not an EC P-256 key");
		}
		return read(blob, Optional.of(trusted));
	}

	/** Decodes and checks everything except the signature (for {@code inspect} without a trust anchor). */
	public static DecodedBlob decodeUnverified(byte[] blob) throws InvalidPolicyException {
		return read(blob, Optional.empty());
	}

	private static DecodedBlob read(byte[] blob, Optional<PublicKey> trusted) throws InvalidPolicyException {
		CborItem outer;
		try {
			outer = CborDecoder.decode(blob, CoseSign1.TAG);
		} catch (CborFormatException e) {
			throw new InvalidPolicyException("Envelope is not deterministic CBOR: " + e.getMessage(), e);
		}
		if (!(outer instanceof CborItem.Tagged tagged) || tagged.tag() != CoseSign1.TAG
				|| !(tagged.item() instanceof CborItem.Array array) || array.items().size() != 4) {
			throw new InvalidPolicyException("Not a tagged COSE_Sign1 (tag 18, array of 4)");
		}
		List<CborItem> parts = array.items();
		byte[] protectedBytes = bytes(parts.get(0), "protected header");
		if (!Arrays.equals(protectedBytes, CoseSign1.protectedHeader())) {
			throw new InvalidPolicyException(protectedHeaderProblem(protectedBytes));
		}
		Optional<byte[]> keyId = unprotected(parts.get(1));
		byte[] payload = bytes(parts.get(2), "payload");
		byte[] signature = bytes(parts.get(3), "signature");
		if (signature.length != 64) {
			throw new InvalidPolicyException("Signature is " + signature.length + " bytes, not 64");
		}
		if (trusted.isPresent()) {
			checkSignature(trusted.get(), keyId, protectedBytes, payload, signature);
		}
		CborItem payloadItem;
		try {
			payloadItem = CborDecoder.decode(payload);
		} catch (CborFormatException e) {
			throw new InvalidPolicyException("Payload is not deterministic CBOR: " + e.getMessage(), e);
		}
		JsonObject policy;
		try {
			policy = PolicySchema.read(payloadItem);
		} catch (SchemaException e) {
			throw new InvalidPolicyException("Payload does not follow schema 1: " + e.getMessage(), e);
		}
		byte[] policyId = ((CborItem.ByteString) ((CborItem.Map) payloadItem).get(PolicyIds.KEY)).bytes();
		if (!MessageDigest.isEqual(policyId, PolicyIds.of((CborItem.Map) payloadItem))) {
			throw new InvalidPolicyException("Policy id does not match the payload");
		}
		return new DecodedBlob(policy, policyId, keyId, payload, trusted.isPresent());
	}

	private static void checkSignature(PublicKey trusted, Optional<byte[]> keyId, byte[] protectedBytes, byte[] payload,
			byte[] signature) throws InvalidPolicyException {
		if (keyId.isPresent() && !MessageDigest.isEqual(keyId.get(), sha256(trusted.getEncoded()))) {
			throw new InvalidPolicyException("Blob was signed by another key (kid does not match the trusted certificate)");
		}
		try {
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(trusted);
			verifier.update(CoseSign1.sigStructure(protectedBytes, payload));
			if (!verifier.verify(Es256.rawToDer(signature))) {
				throw new InvalidPolicyException("Signature does not verify");
			}
		} catch (java.security.SignatureException e) {
			throw new InvalidPolicyException("Signature does not verify: " + e.getMessage(), e);
		} catch (GeneralSecurityException e) {
			throw new InvalidPolicyException("Cannot verify ES256: " + e.getMessage(), e);
		}
	}

	private static Optional<byte[]> unprotected(CborItem item) throws InvalidPolicyException {
		if (!(item instanceof CborItem.Map map)) {
			throw new InvalidPolicyException("Unprotected header is not a map");
		}
		if (map.entries().isEmpty()) {
			return Optional.empty();
		}
		CborItem kid = map.get(CoseSign1.HEADER_KID);
		if (map.entries().size() != 1 || !(kid instanceof CborItem.ByteString b)) {
			throw new InvalidPolicyException("Unprotected header may hold only the kid (4) as a byte string");
		}
		return Optional.of(b.bytes());
	}

	private static String protectedHeaderProblem(byte[] protectedBytes) {
		try {
			CborItem header = CborDecoder.decode(protectedBytes);
			if (header instanceof CborItem.Map map) {
				if (!Cbor.integer(CoseSign1.ALG_ES256).equals(map.get(CoseSign1.HEADER_ALG))) {
					return "Algorithm is not ES256 (-7)";
				}
				if (!Cbor.text(CoseSign1.CONTENT_TYPE).equals(map.get(CoseSign1.HEADER_CONTENT_TYPE))) {
					return "Content type is not " + CoseSign1.CONTENT_TYPE;
				}
			}
		} catch (CborFormatException e) {
			return "Protected header is not deterministic CBOR: " + e.getMessage();
		}
		return "Protected header differs from {1: -7, 3: \"" + CoseSign1.CONTENT_TYPE + "\"}";
	}

	private static byte[] bytes(CborItem item, String what) throws InvalidPolicyException {
		if (!(item instanceof CborItem.ByteString b)) {
			throw new InvalidPolicyException("COSE " + what + " is not a byte string");
		}
		return b.bytes();
	}

	private static byte[] sha256(byte[] data) {
		return Sha256.of(data);
	}
}
