// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cbor;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.parapet.compiler.cbor.CborItem.Array;
import dev.parapet.compiler.cbor.CborItem.ByteString;
import dev.parapet.compiler.cbor.CborItem.Entry;
import dev.parapet.compiler.cbor.CborItem.NegativeInt;
import dev.parapet.compiler.cbor.CborItem.Simple;
import dev.parapet.compiler.cbor.CborItem.Tagged;
import dev.parapet.compiler.cbor.CborItem.TextString;
import dev.parapet.compiler.cbor.CborItem.UnsignedInt;

/**
 * Writes RFC 8949 §4.2.1 core deterministic encoding: shortest argument forms, definite lengths,
 * map keys sorted by the bytewise order of their encodings. Duplicate map keys are a programming
 * error and throw {@link IllegalArgumentException}.
 */
public final class CborEncoder {

	private CborEncoder() {
	}

	/** The deterministic encoding of the item. */
	public static byte[] encode(CborItem item) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		write(item, out);
		return out.toByteArray();
	}

	private static void write(CborItem item, ByteArrayOutputStream out) {
		switch (item) {
		case UnsignedInt u -> head(0, u.value(), out);
		case NegativeInt n -> head(1, n.argument(), out);
		case ByteString b -> {
			byte[] bytes = b.bytes();
			head(2, bytes.length, out);
			out.writeBytes(bytes);
		}
		case TextString t -> {
			byte[] utf8 = t.utf8();
			head(3, utf8.length, out);
			out.writeBytes(utf8);
		}
		case Array a -> {
			head(4, a.items().size(), out);
			for (CborItem element : a.items()) {
				write(element, out);
			}
		}
		case CborItem.Map m -> writeMap(m, out);
		case Tagged t -> {
			head(6, t.tag(), out);
			write(t.item(), out);
		}
		case Simple s -> out.write(0xE0 | s.code);
		}
	}

	private static void writeMap(CborItem.Map map, ByteArrayOutputStream out) {
		List<byte[][]> encoded = new ArrayList<>(map.entries().size());
		for (Entry entry : map.entries()) {
			encoded.add(new byte[][] { encode(entry.key()), encode(entry.value()) });
		}
		encoded.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
		for (int i = 1; i < encoded.size(); i++) {
			if (Arrays.equals(encoded.get(i - 1)[0], encoded.get(i)[0])) {
				throw new IllegalArgumentException("Duplicate map key " + map.entries().get(i).key());
			}
		}
		head(5, encoded.size(), out);
		for (byte[][] pair : encoded) {
			out.writeBytes(pair[0]);
			out.writeBytes(pair[1]);
		}
	}

	/** The initial byte and argument in the shortest form; {@code argument} is unsigned. */
	static void head(int majorType, long argument, ByteArrayOutputStream out) {
		int major = majorType << 5;
		if (Long.compareUnsigned(argument, 24) < 0) {
			out.write(major | (int) argument);
		} else if (Long.compareUnsigned(argument, 0x100) < 0) {
			out.write(major | 24);
			out.write((int) argument);
		} else if (Long.compareUnsigned(argument, 0x10000) < 0) {
			out.write(major | 25);
			bigEndian(argument, 2, out);
		} else if (Long.compareUnsigned(argument, 0x1_0000_0000L) < 0) {
			out.write(major | 26);
			bigEndian(argument, 4, out);
		} else {
			out.write(major | 27);
			bigEndian(argument, 8, out);
		}
	}

	private static void bigEndian(long value, int length, ByteArrayOutputStream out) {
		for (int shift = (length - 1) * 8; shift >= 0; shift -= 8) {
			out.write((int) (value >>> shift));
		}
	}
}
