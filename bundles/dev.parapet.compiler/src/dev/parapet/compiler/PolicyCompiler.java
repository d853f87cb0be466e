// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.security.GeneralSecurityException;

import dev.parapet.compiler.cbor.Cbor;
import dev.parapet.compiler.cbor.CborEncoder;
import dev.parapet.compiler.cose.CoseSign1;
import dev.parapet.compiler.internal.DevicePolicyBuilder;
import dev.parapet.compiler.internal.PayloadEncoder;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.Device;

/**
 * Compiles device policies into signed blobs (docs/formats.md 1). The creation time is a parameter,
 * never the wall clock: see {@link CreationTime}. With a {@link PolicySigner#isDeterministic()
 * deterministic} signer the same inputs give byte-identical blobs.
 */
public final class PolicyCompiler {

	private final DevicePolicyBuilder builder;

	/** A compiler without card certificates: a {@code required-group} with cards fails to compile. */
	public PolicyCompiler() {
		this(CardCertificates.UNRESOLVED);
	}

	public PolicyCompiler(CardCertificates cards) {
		this.builder = new DevicePolicyBuilder(cards);
	}

	/** The canonical model of the device's effective policy, without encoding or signing. */
	public DevicePolicy model(Device device, long createdEpochSeconds) throws CompileException {
		return builder.build(EffectivePolicies.resolve(device), createdEpochSeconds);
	}

	public CompiledPolicy compile(Device device, long createdEpochSeconds, PolicySigner signer)
			throws CompileException, GeneralSecurityException {
		return compile(EffectivePolicies.resolve(device), createdEpochSeconds, signer);
	}

	public CompiledPolicy compile(EffectivePolicy effective, long createdEpochSeconds, PolicySigner signer)
			throws CompileException, GeneralSecurityException {
		DevicePolicy model = builder.build(effective, createdEpochSeconds);
		Cbor.MapBuilder payload = PayloadEncoder.withoutPolicyId(model);
		byte[] policyId = PolicyIds.of(payload.build());
		byte[] payloadBytes = CborEncoder.encode(payload.put(PolicyIds.KEY, Cbor.bytes(policyId)).build());
		if (payloadBytes.length > (1 << 20) - 512) {
			throw new CompileException(model.source(), "Policy of " + model.deviceId() + " exceeds the 1 MiB blob limit");
		}
		return new CompiledPolicy(model, payloadBytes, policyId, CoseSign1.sign(payloadBytes, signer));
	}
}
