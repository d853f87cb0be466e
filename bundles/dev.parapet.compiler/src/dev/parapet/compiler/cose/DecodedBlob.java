// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cose;

import java.util.HexFormat;
import java.util.Optional;

import com.google.gson.JsonObject;

/**
 * A blob taken apart: the named payload (schema-checked), its policy id (recomputed and matched),
 * the kid, and whether the signature was verified against a trusted key.
 */
public record DecodedBlob(JsonObject policy, byte[] policyId, Optional<byte[]> keyId, byte[] payload,
		boolean signatureVerified) {

	public String policyIdHex() {
		return HexFormat.of().formatHex(policyId);
	}

	/** The whole view as JSON: policy plus envelope facts, as {@code parapet inspect --json} prints. */
	public JsonObject toJson() {
		JsonObject out = new JsonObject();
		out.addProperty("format", "parapet-policy-blob");
		out.addProperty("alg", "ES256");
		out.addProperty("contentType", CoseSign1.CONTENT_TYPE);
		out.addProperty("kid", keyId.map(k -> HexFormat.of().formatHex(k)).orElse(null));
		out.addProperty("signature", signatureVerified ? "verified" : "not verified (no trusted certificate given)");
		out.add("policy", policy.deepCopy());
		return out;
	}
}
