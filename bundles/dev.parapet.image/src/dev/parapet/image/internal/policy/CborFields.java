// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.policy;

import java.util.List;
import java.util.Set;

import dev.parapet.compiler.cbor.CborFormatException;
import dev.parapet.compiler.cbor.CborItem;

/**
 * Typed, fail-closed access to the maps of the image's own CBOR files (envelopes, manifest): each
 * read names the field's path in its error, and {@link #only} rejects unknown keys.
 */
public final class CborFields {

	private final CborItem.Map map;
	private final String path;

	private CborFields(CborItem.Map map, String path) {
		this.map = map;
		this.path = path;
	}

	/** Opens {@code item} as a map at {@code path}. */
	public static CborFields of(CborItem item, String path) throws CborFormatException {
		if (!(item instanceof CborItem.Map m)) {
			throw new CborFormatException(path + " is not a map", 0);
		}
		return new CborFields(m, path);
	}

	/** Fails unless every key is one of {@code keys} (all unsigned integers). */
	public CborFields only(Set<Long> keys) throws CborFormatException {
		for (CborItem.Entry e : map.entries()) {
			if (!(e.key() instanceof CborItem.UnsignedInt u) || !keys.contains(u.value())) {
				throw new CborFormatException(path + " has an unknown key " + e.key(), 0);
			}
		}
		return this;
	}

	/** Whether key {@code k} is present. */
	public boolean has(long k) {
		return map.get(k) != null;
	}

	/** The raw item under {@code k}, required. */
	public CborItem item(long k) throws CborFormatException {
		CborItem i = map.get(k);
		if (i == null) {
			throw new CborFormatException(path + "/" + k + " is missing", 0);
		}
		return i;
	}

	/** A map under {@code k}. */
	public CborFields map(long k) throws CborFormatException {
		return of(item(k), path + "/" + k);
	}

	/** A text string under {@code k}. */
	public String text(long k) throws CborFormatException {
		if (!(item(k) instanceof CborItem.TextString t)) {
			throw new CborFormatException(path + "/" + k + " is not a text string", 0);
		}
		return t.value();
	}

	/** A byte string of length {@code length} (or any length if negative) under {@code k}. */
	public byte[] bytes(long k, int length) throws CborFormatException {
		if (!(item(k) instanceof CborItem.ByteString b) || (length >= 0 && b.bytes().length != length)) {
			throw new CborFormatException(path + "/" + k + " is not a byte string" + (length >= 0 ? " of " + length + " bytes" : ""), 0);
		}
		return b.bytes();
	}

	/** An unsigned integer (below 2^63) under {@code k}. */
	public long uint(long k) throws CborFormatException {
		if (!(item(k) instanceof CborItem.UnsignedInt u) || u.value() < 0) {
			throw new CborFormatException(path + "/" + k + " is not an unsigned integer", 0);
		}
		return u.value();
	}

	/** An array under {@code k}. */
	public List<CborItem> array(long k) throws CborFormatException {
		if (!(item(k) instanceof CborItem.Array a)) {
			throw new CborFormatException(path + "/" + k + " is not an array", 0);
		}
		return a.items();
	}
}
