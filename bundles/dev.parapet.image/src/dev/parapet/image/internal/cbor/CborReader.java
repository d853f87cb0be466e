// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.cbor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict decoder for the value model of {@link Cbor}: definite lengths only, no floats or simple
 * values other than false/true/null, nesting and size limits, and the input must be exactly the
 * deterministic encoding of what was decoded (which rules out non-shortest forms and unsorted or
 * duplicate keys) with no trailing bytes.
 */
public final class CborReader {

	private static final int MAX_DEPTH = 16;
	private static final int MAX_ITEMS = 65_536;

	private final byte[] in;
	private int pos;

	private CborReader(byte[] in) {
		this.in = in;
	}

	/** Decodes one deterministic item that spans all of {@code data}. */
	public static Object decode(byte[] data) throws CborException {
		CborReader r = new CborReader(data);
		Object v = r.item(0);
		if (r.pos != data.length) {
			throw new CborException("trailing bytes after CBOR item at offset " + r.pos);
		}
		if (!Arrays.equals(Cbor.encode(v), data)) {
			throw new CborException("not in core deterministic encoding (RFC 8949 4.2.1)");
		}
		return v;
	}

	private Object item(int depth) throws CborException {
		if (depth > MAX_DEPTH) {
			throw new CborException("nesting deeper than " + MAX_DEPTH);
		}
		int ib = u8();
		int major = ib >>> 5;
		int info = ib & 0x1f;
		if (major == 7) {
			return switch (info) {
			case 20 -> Boolean.FALSE;
			case 21 -> Boolean.TRUE;
			case 22 -> Cbor.Null.NULL;
			default -> throw new CborException("unsupported simple value or float at offset " + (pos - 1));
			};
		}
		long n = argument(info);
		switch (major) {
		case 0:
			if (n < 0) {
				throw new CborException("integer too large at offset " + pos);
			}
			return n;
		case 1:
			if (n < 0) {
				throw new CborException("integer too large at offset " + pos);
			}
			return -1 - n;
		case 2:
			return bytes(n);
		case 3:
			try {
				return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(n))).toString();
			} catch (CharacterCodingException e) {
				throw new CborException("text string is not valid UTF-8 at offset " + pos);
			}
		case 4: {
			List<Object> list = new ArrayList<>();
			for (long i = 0; i < count(n); i++) {
				list.add(item(depth + 1));
			}
			return list;
		}
		case 5: {
			Map<Object, Object> map = new LinkedHashMap<>();
			for (long i = 0; i < count(n); i++) {
				Object k = item(depth + 1);
				if (k instanceof byte[] || k instanceof List || k instanceof Map) {
					throw new CborException("map key of unsupported type at offset " + pos);
				}
				if (map.put(k, item(depth + 1)) != null) {
					throw new CborException("duplicate map key " + k);
				}
			}
			return map;
		}
		default:
			return new Cbor.Tagged(n, item(depth + 1));
		}
	}

	private long count(long n) throws CborException {
		if (n < 0 || n > MAX_ITEMS) {
			throw new CborException("array or map of " + n + " entries exceeds the limit");
		}
		return n;
	}

	private long argument(int info) throws CborException {
		if (info < 24) {
			return info;
		}
		int len = switch (info) {
		case 24 -> 1;
		case 25 -> 2;
		case 26 -> 4;
		case 27 -> 8;
		default -> throw new CborException("indefinite length or reserved value at offset " + (pos - 1));
		};
		long n = 0;
		for (int i = 0; i < len; i++) {
			n = (n << 8) | u8();
		}
		return n;
	}

	private byte[] bytes(long n) throws CborException {
		if (n < 0 || n > in.length - pos) {
			throw new CborException("string of " + n + " bytes runs past the end at offset " + pos);
		}
		byte[] b = Arrays.copyOfRange(in, pos, pos + (int) n);
		pos += (int) n;
		return b;
	}

	private int u8() throws CborException {
		if (pos >= in.length) {
			throw new CborException("truncated CBOR at offset " + pos);
		}
		return in[pos++] & 0xff;
	}
}
