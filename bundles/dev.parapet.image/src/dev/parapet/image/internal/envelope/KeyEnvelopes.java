// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.envelope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import dev.parapet.compiler.cbor.Cbor;
import dev.parapet.compiler.cbor.CborEncoder;
import dev.parapet.compiler.cbor.CborItem;
import dev.parapet.image.CardKey;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.StorageKeys;
import dev.parapet.image.internal.crypto.P256;

/**
 * Writes {@code envelopes.cbor} (docs/formats.md section 2): each storage key of a device, from a
 * storage-key store or freshly drawn, wrapped to every authorized card's 9D key and optionally to the recovery certificate.
 * Per recipient: an ephemeral P-256 key, ECDH (SP 800-56A ephemeral-static), the ANSI X9.63 KDF
 * with SHA-256 over a SharedInfo binding fleet, device, key, generation and recipient, then AES-256
 * key wrap (RFC 3394). Storage keys and KEKs are wiped after use.
 */
public final class KeyEnvelopes {

	/** Format version (key 1). */
	public static final int VERSION = 1;
	static final String KDF_LABEL = "parapet-envelope-v1";
	/** Recipient id used in the SharedInfo of the escrow envelope. */
	public static final String ESCROW_RECIPIENT = "escrow";

	private KeyEnvelopes() {
	}

	/** The CBOR envelopes of {@code device}'s storage keys, drawn fresh from {@code random}. */
	public static byte[] write(String fleet, String device, byte[] policyId, List<StorageKeyWrap> keys,
			KeyRandomness random) throws GeneralSecurityException, IOException {
		return write(fleet, device, policyId, keys, StorageKeys.ephemeral(random), random);
	}

	/**
	 * The CBOR envelopes of {@code device}'s storage keys taken from {@code storageKeys}; the
	 * ephemeral ECDH keys come from {@code random}.
	 */
	public static byte[] write(String fleet, String device, byte[] policyId, List<StorageKeyWrap> keys, StorageKeys storageKeys,
			KeyRandomness random) throws GeneralSecurityException, IOException {
		List<CborItem> envelopes = new ArrayList<>();
		List<StorageKeyWrap> sorted = new ArrayList<>(keys);
		sorted.sort(Comparator.comparingInt(StorageKeyWrap::slot));
		for (StorageKeyWrap k : sorted) {
			if (k.bits() != 256 && k.bits() != 512) {
				throw new GeneralSecurityException("storage key " + k.keyId() + ": XTS key size " + k.bits() + " is not 256 or 512");
			}
			Map<String, CardKey> cards = new TreeMap<>();
			for (CardKey c : k.cards()) {
				cards.putIfAbsent(c.cardId(), c);
			}
			if (cards.isEmpty() && k.escrow().isEmpty()) {
				throw new GeneralSecurityException("storage key " + k.keyId() + " has no card and no escrow recipient");
			}
			String scope = fleet + "/" + device + "/" + k.keyId() + "/" + k.generation();
			byte[] storageKey = storageKeys.key(fleet, device, k.keyId(), k.generation(), k.bits());
			try {
				List<CborItem> recipients = new ArrayList<>();
				for (CardKey c : cards.values()) {
					Wrapped w = wrap(storageKey, c.certificate(), fleet, device, k, c.cardId(), random, scope);
					recipients.add(Cbor.map().put(1, Cbor.text(c.cardId())).put(2, Cbor.text(c.holder()))
							.put(3, Cbor.bytes(w.recipientHash())).put(4, Cbor.bytes(w.ephemeral())).put(5, Cbor.bytes(w.wrapped())).build());
				}
				Cbor.MapBuilder e = Cbor.map().put(1, Cbor.uint(k.slot())).put(2, Cbor.text(k.keyId()))
						.put(3, Cbor.uint(k.generation())).put(4, Cbor.array(recipients));
				if (k.escrow().isPresent()) {
					Wrapped w = wrap(storageKey, k.escrow().get(), fleet, device, k, ESCROW_RECIPIENT, random, scope);
					e.put(5, Cbor.map().put(1, Cbor.bytes(w.recipientHash())).put(2, Cbor.bytes(w.ephemeral()))
							.put(3, Cbor.bytes(w.wrapped())).build());
				}
				envelopes.add(e.build());
			} finally {
				P256.wipe(storageKey);
			}
		}
		return CborEncoder.encode(Cbor.map().put(1, Cbor.uint(VERSION)).put(2, Cbor.text(fleet)).put(3, Cbor.text(device))
				.put(4, Cbor.bytes(policyId)).put(5, Cbor.array(envelopes)).build());
	}

	private record Wrapped(byte[] recipientHash, byte[] ephemeral, byte[] wrapped) {
	}

	private static Wrapped wrap(byte[] storageKey, X509Certificate recipient, String fleet, String device,
			StorageKeyWrap k, String recipientId, KeyRandomness random, String scope) throws GeneralSecurityException {
		if (!P256.isP256(recipient.getPublicKey())) {
			throw new GeneralSecurityException("recipient " + recipientId + " of key " + k.keyId() + " has no P-256 key");
		}
		byte[] certHash = MessageDigest.getInstance("SHA-256").digest(recipient.getEncoded());
		BigInteger d = P256.scalar(random.bytes("ecdh-ephemeral/" + scope + "/" + recipientId, 48));
		byte[] z = P256.sharedSecret(d, P256.decodePoint(P256.encodePoint((ECPublicKey) recipient.getPublicKey())));
		byte[] kek = x963Kdf(z, sharedInfo(fleet, device, k.keyId(), k.generation(), recipientId, certHash));
		try {
			Cipher c = Cipher.getInstance("AES/KW/NoPadding");
			c.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
			byte[] wrapped = c.wrap(new SecretKeySpec(storageKey, "AES"));
			return new Wrapped(certHash, P256.publicPoint(d), wrapped);
		} finally {
			P256.wipe(z);
			P256.wipe(kek);
		}
	}

	/**
	 * SharedInfo of the KDF: the label, fleet, device, key id and recipient id each as a 2-byte
	 * big-endian length and UTF-8 bytes, then the generation as 4 bytes big-endian, then the 32-byte
	 * SHA-256 of the recipient's certificate.
	 */
	public static byte[] sharedInfo(String fleet, String device, String keyId, long generation, String recipientId, byte[] certHash) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String s : new String[] { KDF_LABEL, fleet, device, keyId, recipientId }) {
			byte[] u = s.getBytes(StandardCharsets.UTF_8);
			if (u.length > 0xffff) {
				throw new IllegalArgumentException("name too long for the KDF SharedInfo");
			}
			out.write(u.length >>> 8);
			out.write(u.length);
			out.writeBytes(u);
		}
		for (int s = 24; s >= 0; s -= 8) {
			out.write((int) (generation >>> s));
		}
		out.writeBytes(certHash);
		return out.toByteArray();
	}

	/** ANSI X9.63 KDF with SHA-256 for a 32-byte key: SHA-256(Z || 00000001 || SharedInfo). */
	static byte[] x963Kdf(byte[] z, byte[] sharedInfo) throws GeneralSecurityException {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		sha.update(z);
		sha.update(new byte[] { 0, 0, 0, 1 });
		sha.update(sharedInfo);
		return sha.digest();
	}
}
