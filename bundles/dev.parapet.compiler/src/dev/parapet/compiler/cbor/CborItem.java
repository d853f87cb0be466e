// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cbor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One CBOR data item of the subset Parapet uses (RFC 8949 major types 0-7 without floating point).
 * Items are immutable; {@link CborEncoder} writes them in core deterministic encoding and
 * {@link CborDecoder} reads only that encoding back.
 */
public sealed interface CborItem {

	/** Major type 0. The value is unsigned: use {@link Long#toUnsignedString(long)} above 2^63-1. */
	record UnsignedInt(long value) implements CborItem {
	}

	/** Major type 1: the integer {@code -1 - argument}, argument unsigned. */
	record NegativeInt(long argument) implements CborItem {
	}

	/** Major type 2. */
	record ByteString(byte[] bytes) implements CborItem {
		public ByteString {
			bytes = bytes.clone();
		}

		@Override
		public byte[] bytes() {
			return bytes.clone();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ByteString b && Arrays.equals(bytes, b.bytes);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(bytes);
		}

		@Override
		public String toString() {
			return "h'" + java.util.HexFormat.of().formatHex(bytes) + "'";
		}
	}

	/** Major type 3. */
	record TextString(String value) implements CborItem {
		public TextString {
			Objects.requireNonNull(value);
		}

		byte[] utf8() {
			return value.getBytes(StandardCharsets.UTF_8);
		}
	}

	/** Major type 4, definite length. */
	record Array(List<CborItem> items) implements CborItem {
		public Array {
			items = List.copyOf(items);
		}
	}

	/**
	 * Major type 5, definite length. Entries keep the order they were given in; the encoder sorts
	 * them, the decoder returns them in (verified) canonical order.
	 */
	record Map(List<Entry> entries) implements CborItem {
		public Map {
			entries = List.copyOf(entries);
		}

		/** The value under an unsigned integer key, or {@code null}. */
		public CborItem get(long key) {
			for (Entry entry : entries) {
				if (entry.key() instanceof UnsignedInt u && u.value() == key) {
					return entry.value();
				}
			}
			return null;
		}
	}

	/** One key/value pair of a {@link Map}. */
	record Entry(CborItem key, CborItem value) {
	}

	/** Major type 6. */
	record Tagged(long tag, CborItem item) implements CborItem {
	}

	/** Major type 7: {@code false}, {@code true} or {@code null}. */
	enum Simple implements CborItem {
		FALSE(20), TRUE(21), NULL(22);

		final int code;

		Simple(int code) {
			this.code = code;
		}

		public static Simple of(boolean value) {
			return value ? TRUE : FALSE;
		}
	}
}
