// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.envelope;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import dev.parapet.image.CardKey;

/**
 * One storage key of a device as the policy blob lists it (slot, id, size, generation) with the
 * recipients the fleet gives it.
 *
 * @param slot       key slot in the policy blob (key 8 index)
 * @param keyId      key id (the storage key's name in the fleet)
 * @param bits       XTS key size in bits (256 or 512)
 * @param generation rotation generation
 * @param cards      cards to wrap to; duplicates by card id are dropped, order does not matter
 * @param escrow     recovery certificate (P-256) for the escrow envelope, if any
 */
public record StorageKeyWrap(int slot, String keyId, int bits, long generation, List<CardKey> cards,
		Optional<X509Certificate> escrow) {
}
