// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.cbor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8949 §4.2.1 core deterministic encoding of a small value model: {@link Long} (and other
 * integral numbers), {@code byte[]}, {@link String}, {@link Boolean}, {@link Null#NULL}, {@link List},
 * and {@link Map}s whose keys are sorted here by their encoded bytes. Everything Parapet writes into
 * an image goes through this one encoder.
 */
public final class Cbor {

	/** The CBOR null value (the model has no Java null). */
	public enum Null {
		/** The one null. */
		NULL
	}

	private Cbor() {
	}

	/** The deterministic encoding of {@code value}. */
	public static byte[] encode(Object value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, value);
		return out.toByteArray();
	}

	/** An insertion-independent map builder (int keys). */
	public static Map<Object, Object> map() {
		return new TreeMap<>((a, b) -> Arrays.compare(encode(a), encode(b)));
	}

	private static void write(ByteArrayOutputStream out, Object v) {
		if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
			long n = ((Number) v).longValue();
			if (n >= 0) {
				head(out, 0, n);
			} else {
				head(out, 1, -1 - n);
			}
		} else if (v instanceof byte[] b) {
			head(out, 2, b.length);
			out.writeBytes(b);
		} else if (v instanceof String s) {
			byte[] u = s.getBytes(StandardCharsets.UTF_8);
			head(out, 3, u.length);
			out.writeBytes(u);
		} else if (v instanceof Collection<?> list) {
			head(out, 4, list.size());
			for (Object o : list) {
				write(out, o);
			}
		} else if (v instanceof Map<?, ?> m) {
			TreeMap<byte[], byte[]> sorted = new TreeMap<>(Arrays::compare);
			for (Map.Entry<?, ?> e : m.entrySet()) {
				if (sorted.put(encode(e.getKey()), encode(e.getValue())) != null) {
					throw new IllegalArgumentException("duplicate map key " + e.getKey());
				}
			}
			head(out, 5, sorted.size());
			for (Map.Entry<byte[], byte[]> e : sorted.entrySet()) {
				out.writeBytes(e.getKey());
				out.writeBytes(e.getValue());
			}
		} else if (v instanceof Tagged t) {
			head(out, 6, t.tag());
			write(out, t.value());
		} else if (v instanceof Boolean b) {
			out.write(b ? 0xF5 : 0xF4);
		} else if (v == Null.NULL) {
			out.write(0xF6);
		} else {
			throw new IllegalArgumentException("no CBOR encoding for " + (v == null ? "Java null" : v.getClass().getName()));
		}
	}

	private static void head(ByteArrayOutputStream out, int major, long n) {
		int mt = major << 5;
		if (n < 24) {
			out.write(mt | (int) n);
		} else if (n < 0x100) {
			out.write(mt | 24);
			out.write((int) n);
		} else if (n < 0x1_0000) {
			out.write(mt | 25);
			out.write((int) (n >>> 8));
			out.write((int) n);
		} else if (n < 0x1_0000_0000L) {
			out.write(mt | 26);
			for (int s = 24; s >= 0; s -= 8) {
				out.write((int) (n >>> s));
			}
		} else {
			out.write(mt | 27);
			for (int s = 56; s >= 0; s -= 8) {
				out.write((int) (n >>> s));
			}
		}
	}

	/** A tagged value (major type 6). */
	public record Tagged(long tag, Object value) {
	}
}
