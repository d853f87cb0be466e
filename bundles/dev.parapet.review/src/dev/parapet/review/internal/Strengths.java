// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.Map;

import dev.parapet.policy.policy.Cipher;
import dev.parapet.policy.policy.ConsoleKind;
import dev.parapet.policy.policy.DhGroup;
import dev.parapet.policy.policy.DmaAction;
import dev.parapet.policy.policy.EncryptionAlgorithm;
import dev.parapet.policy.policy.IntegrityAlgorithm;
import dev.parapet.policy.policy.KeyStrength;
import dev.parapet.policy.policy.LogLevel;
import dev.parapet.policy.policy.PrfAlgorithm;

/**
 * The orders the verdict rules use. Ranks grow with permissiveness or exposure (so a higher rank after
 * a change widens); security strengths are in bits (so a lower figure after a change widens).
 * Bit figures follow NIST SP 800-57 part 1 table 2 and, for broken hashes, their best known attacks.
 */
public final class Strengths {

	/** Security bits of each cipher; a lower strength after a change widens. */
	public static final Map<Cipher, Integer> CIPHER_BITS = Map.of(Cipher.AES_XTS_128, 128, Cipher.AES_XTS_256, 256);

	public static final Map<KeyStrength, Integer> KEY_BITS = Map.of(KeyStrength.XTS_128, 128, KeyStrength.XTS_256, 256);

	public static final Map<EncryptionAlgorithm, Integer> ENCRYPTION_BITS = Map.of(
			EncryptionAlgorithm.AES_128_GCM, 128, EncryptionAlgorithm.AES_256_GCM, 256,
			EncryptionAlgorithm.AES_128_CBC, 128, EncryptionAlgorithm.AES_256_CBC, 256,
			EncryptionAlgorithm.TRIPLE_DES_CBC, 112, EncryptionAlgorithm.DES_CBC, 56);

	public static final Map<IntegrityAlgorithm, Integer> INTEGRITY_BITS = Map.of(
			IntegrityAlgorithm.HMAC_SHA2_256, 128, IntegrityAlgorithm.HMAC_SHA2_384, 192,
			IntegrityAlgorithm.HMAC_SHA2_512, 256, IntegrityAlgorithm.HMAC_SHA1, 80, IntegrityAlgorithm.HMAC_MD5, 64);

	public static final Map<PrfAlgorithm, Integer> PRF_BITS = Map.of(
			PrfAlgorithm.SHA2_256, 128, PrfAlgorithm.SHA2_384, 192, PrfAlgorithm.SHA2_512, 256,
			PrfAlgorithm.SHA1, 80, PrfAlgorithm.MD5, 64);

	public static final Map<DhGroup, Integer> DH_BITS = Map.of(
			DhGroup.MODP_1024, 80, DhGroup.MODP_1536, 96, DhGroup.MODP_2048, 112, DhGroup.MODP_3072, 128,
			DhGroup.MODP_4096, 152, DhGroup.ECP_256, 128, DhGroup.ECP_384, 192, DhGroup.ECP_521, 256,
			DhGroup.CURVE25519, 128);

	/** DMA permissiveness: deny < shadow-only < allow. */
	public static final Map<DmaAction, Integer> DMA_RANK = Map.of(DmaAction.DENY, 0, DmaAction.SHADOW_ONLY, 1,
			DmaAction.ALLOW, 2);

	/** Log verbosity: more verbose exposes more. */
	public static final Map<LogLevel, Integer> LOG_RANK = Map.of(LogLevel.ERROR, 0, LogLevel.WARN, 1, LogLevel.INFO, 2,
			LogLevel.DEBUG, 3);

	/** Console exposure: none, then serial and VGA alike. */
	public static final Map<ConsoleKind, Integer> CONSOLE_RANK = Map.of(ConsoleKind.NONE, 0, ConsoleKind.SERIAL, 1,
			ConsoleKind.VGA, 1);

	/** USB permissiveness ranks: deny < read-only < encrypt < allow. */
	public static final int USB_DENY = 0;
	public static final int USB_READ_ONLY = 1;
	public static final int USB_ENCRYPT = 2;
	public static final int USB_ALLOW = 3;

	/** Peer authentication strength: psk < certificate < card-key. */
	public static final int AUTH_PSK = 0;
	public static final int AUTH_CERTIFICATE = 1;
	public static final int AUTH_CARD_KEY = 2;

	private Strengths() {
	}
}
