// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.security.interfaces.ECPublicKey;
import java.util.Map;

/**
 * Everything one device image is made of. Identical inputs (with deterministic test keys) give an
 * identical image.
 *
 * @param fleet           fleet id; must equal the policy blob's
 * @param device          device id; must equal the policy blob's
 * @param policyBlob      the device's signed policy blob (docs/formats.md section 1)
 * @param runtimeEfi      hv-runtime's EFI binary as built, unsigned, with a {@code .pppkey} section
 * @param runtimeVersion  hv-runtime's version, recorded in the manifest and SBOM
 * @param policyKey       the fleet's policy-verification public key (P-256), written into {@code .pppkey}
 * @param secureBootKey   the fleet's Secure Boot key (RSA) that signs the EFI binary and the manifest
 * @param recipients      per storage key id of the policy blob: who may unwrap it
 * @param sourceDateEpoch the time stamped on everything (SOURCE_DATE_EPOCH)
 * @param randomness      where ephemeral ECDH keys (and ephemeral storage keys) come from
 * @param storageKeys     where the storage keys come from: a {@link StorageKeyStore}, or
 *                        {@link StorageKeys#ephemeral(KeyRandomness)} of {@code randomness}
 */
public record DeviceImageInputs(String fleet, String device, byte[] policyBlob, byte[] runtimeEfi, String runtimeVersion,
		ECPublicKey policyKey, SigningKey secureBootKey, Map<String, KeyRecipients> recipients, long sourceDateEpoch,
		KeyRandomness randomness, StorageKeys storageKeys) {

	/** Inputs whose storage keys are ephemeral: drawn from {@code randomness} and kept nowhere. */
	public DeviceImageInputs(String fleet, String device, byte[] policyBlob, byte[] runtimeEfi, String runtimeVersion,
			ECPublicKey policyKey, SigningKey secureBootKey, Map<String, KeyRecipients> recipients, long sourceDateEpoch,
			KeyRandomness randomness) {
		this(fleet, device, policyBlob, runtimeEfi, runtimeVersion, policyKey, secureBootKey, recipients, sourceDateEpoch, randomness,
				StorageKeys.ephemeral(randomness));
	}
}
