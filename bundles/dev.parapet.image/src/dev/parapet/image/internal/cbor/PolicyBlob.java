// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.cbor;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

import dev.parapet.image.internal.crypto.P256;

/**
 * What a bake needs from a compiled, signed policy blob (docs/formats.md section 1): fleet and
 * device ids, policy id, rollback counter and storage keys; and the ES256 check a verifier makes
 * with the key from {@code .pppkey}. The blob is read strictly; its payload schema is the
 * compiler's and the runtime's business, so only the keys used here are interpreted.
 */
public final class PolicyBlob {

	/** A storage key entry (policy key 8). */
	public record StorageKey(int slot, String keyId, int bits, long generation) {
	}

	private static final String CONTENT_TYPE = "application/vnd.parapet.policy+cbor";

	private final byte[] protectedHeader;
	private final byte[] payload;
	private final byte[] signature;
	private final Map<?, ?> policy;

	private PolicyBlob(byte[] protectedHeader, byte[] payload, byte[] signature, Map<?, ?> policy) {
		this.protectedHeader = protectedHeader;
		this.payload = payload;
		this.signature = signature;
		this.policy = policy;
	}

	/** Parses a blob; fails on anything outside section 1's envelope rules or a wrong policy id. */
	public static PolicyBlob parse(byte[] blob) throws CborException {
		if (blob.length > 1 << 20) {
			throw new CborException("policy blob larger than 1 MiB");
		}
		Object top = CborReader.decode(blob);
		if (!(top instanceof Cbor.Tagged t) || t.tag() != 18 || !(t.value() instanceof List<?> a) || a.size() != 4
				|| !(a.get(0) instanceof byte[] prot) || !(a.get(1) instanceof Map<?, ?> unprot)
				|| !(a.get(2) instanceof byte[] payload) || !(a.get(3) instanceof byte[] sig)) {
			throw new CborException("policy blob is not a tagged COSE_Sign1 with attached payload");
		}
		Object header = CborReader.decode(prot);
		if (!(header instanceof Map<?, ?> h) || h.size() != 2 || !Long.valueOf(-7).equals(h.get(1L)) || !CONTENT_TYPE.equals(h.get(3L))) {
			throw new CborException("policy blob protected header is not {alg: ES256, content type: " + CONTENT_TYPE + "}");
		}
		for (Object k : unprot.keySet()) {
			if (!Long.valueOf(4).equals(k) || !(unprot.get(k) instanceof byte[])) {
				throw new CborException("policy blob unprotected header has an unknown entry " + k);
			}
		}
		if (sig.length != 64) {
			throw new CborException("ES256 signature is " + sig.length + " bytes, not 64");
		}
		if (!(CborReader.decode(payload) instanceof Map<?, ?> policy) || !Long.valueOf(1).equals(policy.get(1L))) {
			throw new CborException("policy payload is not a schema 1 map");
		}
		PolicyBlob b = new PolicyBlob(prot, payload, sig, policy);
		if (!Arrays.equals(b.policyId(), b.computePolicyId())) {
			throw new CborException("policy id (key 4) does not match the payload");
		}
		return b;
	}

	/** Fleet id (key 2). */
	public String fleet() throws CborException {
		return text(2);
	}

	/** Device id (key 3). */
	public String device() throws CborException {
		return text(3);
	}

	/** Policy id (key 4). */
	public byte[] policyId() throws CborException {
		if (!(policy.get(4L) instanceof byte[] id) || id.length != 32) {
			throw new CborException("policy key 4 (policy id) is not 32 bytes");
		}
		return id.clone();
	}

	/** Rollback counter (key 5). */
	public long rollbackCounter() throws CborException {
		if (!(policy.get(5L) instanceof Long n) || n < 0 || n > 0xFFFF_FFFFL) {
			throw new CborException("policy key 5 (rollback counter) is not a uint32");
		}
		return n;
	}

	/** Storage keys (key 8) in slot order. */
	public List<StorageKey> storageKeys() throws CborException {
		if (!(policy.get(8L) instanceof List<?> keys)) {
			throw new CborException("policy key 8 (storage keys) is not an array");
		}
		List<StorageKey> out = new ArrayList<>();
		for (Object o : keys) {
			if (!(o instanceof Map<?, ?> m) || !(m.get(1L) instanceof Long slot) || slot != out.size()
					|| !(m.get(2L) instanceof String id) || !(m.get(3L) instanceof Long bits) || (bits != 256 && bits != 512)
					|| !(m.get(4L) instanceof Long gen)) {
				throw new CborException("policy storage key " + out.size() + " is malformed");
			}
			out.add(new StorageKey(slot.intValue(), id, bits.intValue(), gen));
		}
		return out;
	}

	/** Whether the ES256 signature verifies under the uncompressed P-256 point {@code publicPoint}. */
	public boolean verify(byte[] publicPoint) {
		X9ECParameters c = ECNamedCurveTable.getByName("secp256r1");
		BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
		BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
		if (r.signum() == 0 || s.signum() == 0 || r.compareTo(c.getN()) >= 0 || s.compareTo(c.getN()) >= 0) {
			return false;
		}
		List<Object> sigStructure = List.of("Signature1", protectedHeader, new byte[0], payload);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(Cbor.encode(sigStructure));
			ECDSASigner v = new ECDSASigner();
			v.init(false, new ECPublicKeyParameters(P256.decodePoint(publicPoint), new ECDomainParameters(c)));
			return v.verifySignature(hash, r, s);
		} catch (NoSuchAlgorithmException | IllegalArgumentException e) {
			return false;
		}
	}

	private byte[] computePolicyId() {
		Map<Object, Object> copy = new LinkedHashMap<>(policy);
		copy.remove(4L);
		try {
			return MessageDigest.getInstance("SHA-256").digest(Cbor.encode(copy));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private String text(long key) throws CborException {
		if (!(policy.get(key) instanceof String s)) {
			throw new CborException("policy key " + key + " is not a text string");
		}
		return s;
	}
}
