// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.policy;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.parapet.compiler.cose.DecodedBlob;
import dev.parapet.compiler.cose.InvalidPolicyException;
import dev.parapet.compiler.cose.PolicyBlobReader;

/**
 * What an image needs from a signed policy blob, read with the compiler's strict reader (the same
 * checks the runtime makes: envelope, ES256 signature under the trusted key, schema, policy id).
 *
 * @param fleet           fleet id (policy key 2)
 * @param device          device id (key 3)
 * @param policyId        policy id (key 4), recomputed and matched by the reader
 * @param rollbackCounter rollback counter (key 5)
 * @param storageKeys     storage keys (key 8) in slot order
 */
public record PolicyFacts(String fleet, String device, byte[] policyId, long rollbackCounter, List<StorageKey> storageKeys) {

	/** One storage key entry. */
	public record StorageKey(int slot, String keyId, int bits, long generation) {
	}

	/** Verifies {@code blob} under {@code policyKey} and extracts the facts; fails on any problem. */
	public static PolicyFacts verify(byte[] blob, PublicKey policyKey) throws InvalidPolicyException {
		DecodedBlob d = PolicyBlobReader.verify(blob, policyKey);
		JsonObject p = d.policy();
		List<StorageKey> keys = new ArrayList<>();
		for (JsonElement e : p.getAsJsonArray("storageKeys")) {
			JsonObject k = e.getAsJsonObject();
			keys.add(new StorageKey(k.get("slot").getAsInt(), k.get("keyId").getAsString(), k.get("bits").getAsInt(),
					k.get("generation").getAsLong()));
		}
		return new PolicyFacts(p.get("fleet").getAsString(), p.get("device").getAsString(), d.policyId(),
				p.get("rollbackCounter").getAsLong(), List.copyOf(keys));
	}
}
