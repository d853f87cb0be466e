// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.cbor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * A strict reader for RFC 8949 core deterministic encoding with the limits of docs/formats.md 1.2:
 * it rejects non-shortest arguments, indefinite lengths, floating point, simple values other than
 * false/true/null, unsorted or duplicate map keys, trailing bytes, invalid UTF-8, nesting deeper
 * than 16, arrays or maps above 4096 entries, text above 4096 bytes, input above 1 MiB, and every
 * tag except {@code allowedTag} on the outermost item.
 */
public final class CborDecoder {

	public static final int MAX_INPUT = 1 << 20;
	public static final int MAX_DEPTH = 16;
	public static final int MAX_ENTRIES = 4096;
	public static final int MAX_TEXT = 4096;

	private final byte[] input;
	private final long allowedTag;
	private int position;

	private CborDecoder(byte[] input, long allowedTag) {
		this.input = input;
		this.allowedTag = allowedTag;
	}

	/** Decodes one item that must span the whole input; no tags allowed. */
	public static CborItem decode(byte[] input) throws CborFormatException {
		return decode(input, -1);
	}

	/**
	 * Decodes one item that must span the whole input.
	 *
	 * @param allowedTag the one tag number allowed on the outermost item, or -1 for none
	 */
	public static CborItem decode(byte[] input, long allowedTag) throws CborFormatException {
		if (input.length > MAX_INPUT) {
			throw new CborFormatException("Input larger than 1 MiB", MAX_INPUT);
		}
		CborDecoder decoder = new CborDecoder(input, allowedTag);
		CborItem item = decoder.item(0);
		if (decoder.position != input.length) {
			throw new CborFormatException("Trailing bytes after the item", decoder.position);
		}
		return item;
	}

	private CborItem item(int depth) throws CborFormatException {
		if (depth >= MAX_DEPTH) {
			throw new CborFormatException("Nesting deeper than " + MAX_DEPTH, position);
		}
		int start = position;
		int initial = nextByte();
		int major = initial >>> 5;
		int info = initial & 0x1F;
		if (major == 7) {
			return simple(info, start);
		}
		long argument = argument(info, start);
		switch (major) {
		case 0:
			return new UnsignedInt(argument);
		case 1:
			return new NegativeInt(argument);
		case 2:
			return new ByteString(take(argument, start));
		case 3:
			if (Long.compareUnsigned(argument, MAX_TEXT) > 0) {
				throw new CborFormatException("Text string longer than " + MAX_TEXT + " bytes", start);
			}
			return new TextString(utf8(take(argument, start), start));
		case 4:
			return array(count(argument, start), depth);
		case 5:
			return map(count(argument, start), depth, start);
		default:
			if (depth != 0 || argument != allowedTag) {
				throw new CborFormatException("Tag " + Long.toUnsignedString(argument) + " not allowed here", start);
			}
			return new Tagged(argument, item(depth + 1));
		}
	}

	private CborItem simple(int info, int start) throws CborFormatException {
		return switch (info) {
		case 20 -> Simple.FALSE;
		case 21 -> Simple.TRUE;
		case 22 -> Simple.NULL;
		case 25, 26, 27 -> throw new CborFormatException("Floating point is not allowed", start);
		case 31 -> throw new CborFormatException("Unexpected break", start);
		default -> throw new CborFormatException("Simple value " + info + " is not allowed", start);
		};
	}

	private long argument(int info, int start) throws CborFormatException {
		if (info < 24) {
			return info;
		}
		int length = switch (info) {
		case 24 -> 1;
		case 25 -> 2;
		case 26 -> 4;
		case 27 -> 8;
		case 31 -> throw new CborFormatException("Indefinite length is not allowed", start);
		default -> throw new CborFormatException("Reserved additional information " + info, start);
		};
		long value = 0;
		for (int i = 0; i < length; i++) {
			value = (value << 8) | nextByte();
		}
		long smallest = switch (length) {
		case 1 -> 24;
		case 2 -> 0x100;
		case 4 -> 0x10000;
		default -> 0x1_0000_0000L;
		};
		if (Long.compareUnsigned(value, smallest) < 0) {
			throw new CborFormatException("Argument not in its shortest form", start);
		}
		return value;
	}

	private int count(long argument, int start) throws CborFormatException {
		if (Long.compareUnsigned(argument, MAX_ENTRIES) > 0) {
			throw new CborFormatException("More than " + MAX_ENTRIES + " entries", start);
		}
		return (int) argument;
	}

	private CborItem array(int count, int depth) throws CborFormatException {
		List<CborItem> items = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			items.add(item(depth + 1));
		}
		return new Array(items);
	}

	private CborItem map(int count, int depth, int start) throws CborFormatException {
		List<Entry> entries = new ArrayList<>(count);
		byte[] previousKey = null;
		for (int i = 0; i < count; i++) {
			int keyStart = position;
			CborItem key = item(depth + 1);
			byte[] keyBytes = Arrays.copyOfRange(input, keyStart, position);
			if (previousKey != null) {
				int order = Arrays.compareUnsigned(previousKey, keyBytes);
				if (order == 0) {
					throw new CborFormatException("Duplicate map key", keyStart);
				}
				if (order > 0) {
					throw new CborFormatException("Map keys not in canonical order", keyStart);
				}
			}
			previousKey = keyBytes;
			entries.add(new Entry(key, item(depth + 1)));
		}
		return new CborItem.Map(entries);
	}

	private byte[] take(long length, int start) throws CborFormatException {
		if (Long.compareUnsigned(length, input.length - position) > 0) {
			throw new CborFormatException("String runs past the end of the input", start);
		}
		byte[] bytes = Arrays.copyOfRange(input, position, position + (int) length);
		position += (int) length;
		return bytes;
	}

	private static String utf8(byte[] bytes, int start) throws CborFormatException {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			throw new CborFormatException("Text string is not valid UTF-8", start);
		}
	}

	private int nextByte() throws CborFormatException {
		if (position >= input.length) {
			throw new CborFormatException("Unexpected end of input", position);
		}
		return input[position++] & 0xFF;
	}
}
