// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.schema;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

import dev.parapet.compiler.cbor.CborItem;

/**
 * Typed access to one map of the payload: every key read is remembered, and {@link #done()} rejects
 * keys nobody read (unknown keys fail closed).
 */
final class Fields {

	interface ItemReader {
		JsonElement read(CborItem item, String path) throws SchemaException;
	}

	private final CborItem.Map map;
	private final String path;
	private final Set<Long> read = new HashSet<>();

	Fields(CborItem item, String path) throws SchemaException {
		if (!(item instanceof CborItem.Map m)) {
			throw new SchemaException(path, "expected a map");
		}
		for (CborItem.Entry entry : m.entries()) {
			if (!(entry.key() instanceof CborItem.UnsignedInt)) {
				throw new SchemaException(path, "map key " + entry.key() + " is not an unsigned integer");
			}
		}
		this.map = m;
		this.path = path;
	}

	boolean has(long key) {
		return map.get(key) != null;
	}

	CborItem required(long key) throws SchemaException {
		read.add(key);
		CborItem item = map.get(key);
		if (item == null) {
			throw new SchemaException(path, "missing key " + key);
		}
		return item;
	}

	String at(long key) {
		return path + "." + key;
	}

	void done() throws SchemaException {
		for (CborItem.Entry entry : map.entries()) {
			long key = ((CborItem.UnsignedInt) entry.key()).value();
			if (!read.contains(key)) {
				throw new SchemaException(path, "unknown key " + Long.toUnsignedString(key));
			}
		}
	}

	static long uint(CborItem item, String path, long max) throws SchemaException {
		if (!(item instanceof CborItem.UnsignedInt u)) {
			throw new SchemaException(path, "expected an unsigned integer");
		}
		if (Long.compareUnsigned(u.value(), max) > 0) {
			throw new SchemaException(path, Long.toUnsignedString(u.value()) + " is above " + Long.toUnsignedString(max));
		}
		return u.value();
	}

	static JsonElement uintJson(CborItem item, String path, long max) throws SchemaException {
		long value = uint(item, path, max);
		return value >= 0 ? new JsonPrimitive(value) : new JsonPrimitive(Long.toUnsignedString(value));
	}

	/** One of the listed codes, returned as its name. */
	static JsonElement code(CborItem item, String path, List<String> names) throws SchemaException {
		long value = uint(item, path, names.size() - 1L);
		return new JsonPrimitive(names.get((int) value));
	}

	static String text(CborItem item, String path) throws SchemaException {
		if (!(item instanceof CborItem.TextString t)) {
			throw new SchemaException(path, "expected a text string");
		}
		return t.value();
	}

	static byte[] bytes(CborItem item, String path, int... allowedLengths) throws SchemaException {
		if (!(item instanceof CborItem.ByteString b)) {
			throw new SchemaException(path, "expected a byte string");
		}
		byte[] value = b.bytes();
		if (allowedLengths.length == 0) {
			return value;
		}
		for (int length : allowedLengths) {
			if (value.length == length) {
				return value;
			}
		}
		throw new SchemaException(path, "byte string of " + value.length + " bytes has the wrong size");
	}

	static JsonElement hex(byte[] value) {
		return new JsonPrimitive(HexFormat.of().formatHex(value));
	}

	static boolean bool(CborItem item, String path) throws SchemaException {
		if (item == CborItem.Simple.TRUE) {
			return true;
		}
		if (item == CborItem.Simple.FALSE) {
			return false;
		}
		throw new SchemaException(path, "expected true or false");
	}

	static List<CborItem> array(CborItem item, String path, int minimum) throws SchemaException {
		if (!(item instanceof CborItem.Array a)) {
			throw new SchemaException(path, "expected an array");
		}
		if (a.items().size() < minimum) {
			throw new SchemaException(path, "needs at least " + minimum + " entries");
		}
		return a.items();
	}

	static List<CborItem> tuple(CborItem item, String path, int size) throws SchemaException {
		List<CborItem> items = array(item, path, 0);
		if (items.size() != size) {
			throw new SchemaException(path, "expected " + size + " entries, found " + items.size());
		}
		return items;
	}

	static JsonArray each(CborItem item, String path, int minimum, ItemReader reader) throws SchemaException {
		JsonArray out = new JsonArray();
		List<CborItem> items = array(item, path, minimum);
		for (int i = 0; i < items.size(); i++) {
			out.add(reader.read(items.get(i), path + "[" + i + "]"));
		}
		return out;
	}

	static boolean isNull(CborItem item) {
		return item == CborItem.Simple.NULL;
	}

	static JsonElement nullOr(CborItem item, String path, ItemReader reader) throws SchemaException {
		return isNull(item) ? JsonNull.INSTANCE : reader.read(item, path);
	}
}
