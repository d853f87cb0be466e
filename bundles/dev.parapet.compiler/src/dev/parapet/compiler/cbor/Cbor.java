// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cbor;

import java.util.ArrayList;
import java.util.List;

import dev.parapet.compiler.cbor.CborItem.Array;
import dev.parapet.compiler.cbor.CborItem.ByteString;
import dev.parapet.compiler.cbor.CborItem.Entry;
import dev.parapet.compiler.cbor.CborItem.NegativeInt;
import dev.parapet.compiler.cbor.CborItem.Simple;
import dev.parapet.compiler.cbor.CborItem.TextString;
import dev.parapet.compiler.cbor.CborItem.UnsignedInt;

/** Short factory methods for building {@link CborItem} trees. */
public final class Cbor {

	private Cbor() {
	}

	/** An unsigned integer; negative Java values are refused (use {@link #integer(long)}). */
	public static CborItem uint(long value) {
		if (value < 0) {
			throw new IllegalArgumentException("Negative value for an unsigned integer: " + value);
		}
		return new UnsignedInt(value);
	}

	/** Any Java long as a CBOR integer (major type 0 or 1). */
	public static CborItem integer(long value) {
		return value >= 0 ? new UnsignedInt(value) : new NegativeInt(-1 - value);
	}

	public static CborItem text(String value) {
		return new TextString(value);
	}

	public static CborItem bytes(byte[] value) {
		return new ByteString(value);
	}

	public static CborItem bool(boolean value) {
		return Simple.of(value);
	}

	public static CborItem nil() {
		return Simple.NULL;
	}

	public static CborItem array(CborItem... items) {
		return new Array(List.of(items));
	}

	public static CborItem array(List<? extends CborItem> items) {
		return new Array(new ArrayList<>(items));
	}

	/** A builder for maps with unsigned integer keys, the only keys the policy schema uses. */
	public static MapBuilder map() {
		return new MapBuilder();
	}

	/** Collects the entries of a map; {@link #build()} leaves ordering to the encoder. */
	public static final class MapBuilder {

		private final List<Entry> entries = new ArrayList<>();

		private MapBuilder() {
		}

		public MapBuilder put(long key, CborItem value) {
			entries.add(new Entry(uint(key), value));
			return this;
		}

		public MapBuilder put(CborItem key, CborItem value) {
			entries.add(new Entry(key, value));
			return this;
		}

		/** Adds the entry only when the value is present. */
		public MapBuilder putIfPresent(long key, CborItem valueOrNull) {
			if (valueOrNull != null) {
				put(key, valueOrNull);
			}
			return this;
		}

		public CborItem.Map build() {
			return new CborItem.Map(entries);
		}
	}
}
