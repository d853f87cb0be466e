// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.util.HexFormat;

import dev.parapet.compiler.model.DevicePolicy;

/**
 * One compiled device policy.
 *
 * @param model    the canonical model, with source links
 * @param payload  the deterministic CBOR payload (with the policy id)
 * @param policyId SHA-256 per docs/formats.md 1.4
 * @param blob     the signed COSE_Sign1 blob
 */
public record CompiledPolicy(DevicePolicy model, byte[] payload, byte[] policyId, byte[] blob) {

	public CompiledPolicy {
		payload = payload.clone();
		policyId = policyId.clone();
		blob = blob.clone();
	}

	@Override
	public byte[] payload() {
		return payload.clone();
	}

	@Override
	public byte[] policyId() {
		return policyId.clone();
	}

	@Override
	public byte[] blob() {
		return blob.clone();
	}

	public String policyIdHex() {
		return HexFormat.of().formatHex(policyId);
	}
}
