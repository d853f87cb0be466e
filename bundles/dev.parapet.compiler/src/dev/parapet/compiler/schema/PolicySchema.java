// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.schema;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.parapet.compiler.cbor.CborItem;

/**
 * Checks a decoded payload against schema 1 (docs/formats.md 1.3) and names its fields: the result
 * is the JSON that {@code parapet inspect --json} prints. Rejects missing and unknown keys, wrong
 * types, out-of-range values and unknown codes.
 */
public final class PolicySchema {

	public static final long VERSION = 1;

	private static final long U32 = 0xFFFF_FFFFL;
	private static final long U64 = -1L;
	private static final List<String> CONTROLLERS = List.of("ata", "ahci", "nvme", "usb");
	private static final List<String> CIPHERS = List.of("plain", "aes-xts-128", "aes-xts-256");
	private static final List<String> ENCR = List.of("aes-128-gcm", "aes-256-gcm", "aes-128-cbc", "aes-256-cbc",
			"3des-cbc", "des-cbc");
	private static final List<String> INTEG = List.of("hmac-sha2-256", "hmac-sha2-384", "hmac-sha2-512", "hmac-sha1",
			"hmac-md5");
	private static final List<String> PRF = List.of("sha2-256", "sha2-384", "sha2-512", "sha1", "md5");
	private static final Map<Long, String> DH = Map.of(14L, "modp-2048", 15L, "modp-3072", 16L, "modp-4096", 19L,
			"ecp-256", 20L, "ecp-384", 21L, "ecp-521", 31L, "curve25519", 2L, "modp-1024", 5L, "modp-1536");
	private static final Map<Long, String> PROTOCOLS = Map.of(0L, "any", 6L, "tcp", 17L, "udp", 1L, "icmp", 58L,
			"icmpv6");

	private PolicySchema() {
	}

	/** The payload as named JSON; throws on the first deviation from schema 1. */
	public static JsonObject read(CborItem payload) throws SchemaException {
		Fields f = new Fields(payload, "policy");
		JsonObject out = new JsonObject();
		long version = Fields.uint(f.required(1), f.at(1), U64);
		if (version != VERSION) {
			throw new SchemaException(f.at(1), "schema version " + Long.toUnsignedString(version) + " is not supported");
		}
		out.addProperty("schema", version);
		out.addProperty("fleet", Fields.text(f.required(2), f.at(2)));
		out.addProperty("device", Fields.text(f.required(3), f.at(3)));
		out.add("policyId", Fields.hex(Fields.bytes(f.required(4), f.at(4), 32)));
		out.add("rollbackCounter", Fields.uintJson(f.required(5), f.at(5), U32));
		out.add("created", Fields.uintJson(f.required(6), f.at(6), U64));
		if (f.has(7)) {
			Fields binding = new Fields(f.required(7), f.at(7));
			JsonObject b = new JsonObject();
			if (binding.has(1)) {
				b.addProperty("serial", Fields.text(binding.required(1), binding.at(1)));
			}
			binding.done();
			out.add("binding", b);
		}
		out.add("storageKeys", Fields.each(f.required(8), f.at(8), 0, PolicySchema::storageKey));
		out.add("storageRules", Fields.each(f.required(9), f.at(9), 0, PolicySchema::storageRule));
		out.add("usb", usb(f.required(10), f.at(10)));
		out.add("network", network(f.required(11), f.at(11)));
		out.add("dma", dma(f.required(12), f.at(12)));
		out.add("login", login(f.required(13), f.at(13)));
		out.add("settings", settings(f.required(14), f.at(14)));
		f.done();
		SchemaRules.check(out);
		return out;
	}

	private static JsonElement storageKey(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.add("slot", Fields.uintJson(f.required(1), f.at(1), U64));
		out.addProperty("keyId", Fields.text(f.required(2), f.at(2)));
		long bits = Fields.uint(f.required(3), f.at(3), U64);
		if (bits != 256 && bits != 512) {
			throw new SchemaException(f.at(3), "key size " + bits + " is neither 256 nor 512");
		}
		out.addProperty("bits", bits);
		out.add("generation", Fields.uintJson(f.required(4), f.at(4), U64));
		f.done();
		return out;
	}

	private static JsonElement storageRule(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.add("controller", Fields.code(f.required(1), f.at(1), CONTROLLERS));
		out.add("index", Fields.uintJson(f.required(2), f.at(2), U64));
		if (f.has(3)) {
			out.add("location", Fields.uintJson(f.required(3), f.at(3), U64));
		}
		if (f.has(4)) {
			if (!"ata".equals(out.get("controller").getAsString())) {
				throw new SchemaException(f.at(4), "drive is for ata controllers only");
			}
			out.add("drive", Fields.code(f.required(4), f.at(4), List.of("master", "slave")));
		}
		out.add("firstLba", Fields.uintJson(f.required(5), f.at(5), U64));
		CborItem last = f.required(6);
		out.add("lastLba", Fields.isNull(last) ? new JsonPrimitive("end") : Fields.uintJson(last, f.at(6), U64));
		JsonElement cipher = Fields.code(f.required(7), f.at(7), CIPHERS);
		out.add("cipher", cipher);
		boolean plain = "plain".equals(cipher.getAsString());
		if (plain == f.has(8)) {
			throw new SchemaException(f.at(8), plain ? "key slot with plain cipher" : "encrypted range without key slot");
		}
		if (!plain) {
			out.add("keySlot", Fields.uintJson(f.required(8), f.at(8), U64));
		}
		f.done();
		return out;
	}

	private static JsonElement usb(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.add("rules", Fields.each(f.required(1), f.at(1), 0, PolicySchema::usbRule));
		out.add("default", usbAction(f.required(2), f.at(2)));
		f.done();
		return out;
	}

	private static JsonElement usbRule(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		if (f.has(1)) {
			out.addProperty("vendor", String.format("%04x", Fields.uint(f.required(1), f.at(1), 0xFFFF)));
		}
		if (f.has(2)) {
			out.addProperty("product", String.format("%04x", Fields.uint(f.required(2), f.at(2), 0xFFFF)));
		}
		if (f.has(3)) {
			out.addProperty("serial", Fields.text(f.required(3), f.at(3)));
		}
		if (f.has(4)) {
			out.addProperty("interfaceClass", String.format("%02x", Fields.uint(f.required(4), f.at(4), 0xFF)));
		}
		out.add("action", usbAction(f.required(5), f.at(5)));
		f.done();
		return out;
	}

	private static JsonElement usbAction(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.array(item, path, 1);
		long kind = Fields.uint(items.get(0), path + "[0]", 3);
		JsonObject out = new JsonObject();
		out.addProperty("action", List.of("deny", "read-only", "allow", "encrypt").get((int) kind));
		if (kind == 3) {
			Fields.tuple(item, path, 3);
			JsonElement cipher = Fields.code(items.get(1), path + "[1]", CIPHERS);
			if ("plain".equals(cipher.getAsString())) {
				throw new SchemaException(path + "[1]", "encrypt action with plain cipher");
			}
			out.add("cipher", cipher);
			out.add("keySlot", Fields.uintJson(items.get(2), path + "[2]", U64));
		} else {
			Fields.tuple(item, path, 1);
		}
		return out;
	}

	private static JsonElement network(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.add("nics", Fields.each(f.required(1), f.at(1), 0, PolicySchema::pciSelector));
		out.addProperty("encryptAll", Fields.bool(f.required(2), f.at(2)));
		out.add("peers", Fields.each(f.required(3), f.at(3), 0, PolicySchema::peer));
		out.add("bypasses", Fields.each(f.required(4), f.at(4), 0, PolicySchema::bypass));
		f.done();
		return out;
	}

	private static JsonElement pciSelector(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.array(item, path, 1);
		long kind = Fields.uint(items.get(0), path + "[0]", 2);
		JsonObject out = new JsonObject();
		if (kind == 0) {
			Fields.tuple(item, path, 3);
			out.addProperty("pciId", String.format("%04x:%04x", Fields.uint(items.get(1), path + "[1]", 0xFFFF),
					Fields.uint(items.get(2), path + "[2]", 0xFFFF)));
		} else if (kind == 1) {
			Fields.tuple(item, path, 5);
			out.addProperty("pciAddress", String.format("%04x:%02x:%02x.%x", Fields.uint(items.get(1), path + "[1]", 0xFFFF),
					Fields.uint(items.get(2), path + "[2]", 0xFF), Fields.uint(items.get(3), path + "[3]", 31),
					Fields.uint(items.get(4), path + "[4]", 7)));
		} else {
			Fields.tuple(item, path, 2);
			out.addProperty("pciClass", String.format("%04x", Fields.uint(items.get(1), path + "[1]", 0xFFFF)));
		}
		return out;
	}

	private static JsonElement peer(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.addProperty("name", Fields.text(f.required(1), f.at(1)));
		out.add("addresses", Fields.each(f.required(2), f.at(2), 1, PolicySchema::address));
		out.add("ikeProposals", Fields.each(f.required(3), f.at(3), 1, PolicySchema::ikeProposal));
		out.add("espProposals", Fields.each(f.required(4), f.at(4), 1, PolicySchema::espProposal));
		out.add("auth", peerAuth(f.required(5), f.at(5)));
		if (f.has(6)) {
			out.addProperty("remoteId", Fields.text(f.required(6), f.at(6)));
		}
		out.add("selectors", Fields.each(f.required(7), f.at(7), 1, PolicySchema::trafficSelector));
		out.add("ikeLifetime", Fields.uintJson(f.required(8), f.at(8), U64));
		out.add("espLifetime", Fields.uintJson(f.required(9), f.at(9), U64));
		if (f.has(10)) {
			out.add("remoteCa", Fields.hex(Fields.bytes(f.required(10), f.at(10))));
		}
		f.done();
		return out;
	}

	private static JsonElement ikeProposal(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.tuple(item, path, 4);
		JsonObject out = new JsonObject();
		out.add("encryption", Fields.code(items.get(0), path + "[0]", ENCR));
		out.add("integrity", Fields.nullOr(items.get(1), path + "[1]", (i, p) -> Fields.code(i, p, INTEG)));
		out.add("prf", Fields.code(items.get(2), path + "[2]", PRF));
		out.add("dh", dh(items.get(3), path + "[3]"));
		return out;
	}

	private static JsonElement espProposal(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.tuple(item, path, 3);
		JsonObject out = new JsonObject();
		out.add("encryption", Fields.code(items.get(0), path + "[0]", ENCR));
		out.add("integrity", Fields.nullOr(items.get(1), path + "[1]", (i, p) -> Fields.code(i, p, INTEG)));
		out.add("pfs", Fields.nullOr(items.get(2), path + "[2]", PolicySchema::dh));
		return out;
	}

	private static JsonElement dh(CborItem item, String path) throws SchemaException {
		String name = DH.get(Fields.uint(item, path, U64));
		if (name == null) {
			throw new SchemaException(path, "unknown DH group");
		}
		return new JsonPrimitive(name);
	}

	private static JsonElement peerAuth(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.array(item, path, 1);
		long kind = Fields.uint(items.get(0), path + "[0]", 2);
		JsonObject out = new JsonObject();
		if (kind == 0) {
			Fields.tuple(item, path, 1);
			out.addProperty("method", "card-key");
		} else if (kind == 1) {
			Fields.tuple(item, path, 2);
			out.addProperty("method", "certificate");
			out.add("certificate", Fields.hex(Fields.bytes(items.get(1), path + "[1]")));
		} else {
			Fields.tuple(item, path, 2);
			out.addProperty("method", "psk");
			out.addProperty("keyReference", Fields.text(items.get(1), path + "[1]"));
		}
		return out;
	}

	private static JsonElement trafficSelector(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.tuple(item, path, 4);
		JsonObject out = new JsonObject();
		out.add("local", prefix(items.get(0), path + "[0]"));
		out.add("remote", prefix(items.get(1), path + "[1]"));
		out.add("protocol", protocol(items.get(2), path + "[2]"));
		out.add("port", Fields.uintJson(items.get(3), path + "[3]", 0xFFFF));
		return out;
	}

	private static JsonElement bypass(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.tuple(item, path, 4);
		JsonObject out = new JsonObject();
		out.addProperty("name", Fields.text(items.get(0), path + "[0]"));
		out.add("protocol", protocol(items.get(1), path + "[1]"));
		out.add("remote", Fields.nullOr(items.get(2), path + "[2]", PolicySchema::prefix));
		out.add("port", Fields.uintJson(items.get(3), path + "[3]", 0xFFFF));
		return out;
	}

	private static JsonElement protocol(CborItem item, String path) throws SchemaException {
		String name = PROTOCOLS.get(Fields.uint(item, path, U64));
		if (name == null) {
			throw new SchemaException(path, "unknown IP protocol");
		}
		return new JsonPrimitive(name);
	}

	private static JsonElement address(CborItem item, String path) throws SchemaException {
		try {
			return new JsonPrimitive(InetAddress.getByAddress(Fields.bytes(item, path, 4, 16)).getHostAddress());
		} catch (UnknownHostException e) {
			throw new SchemaException(path, "not an IP address");
		}
	}

	private static JsonElement prefix(CborItem item, String path) throws SchemaException {
		List<CborItem> items = Fields.tuple(item, path, 2);
		byte[] address = Fields.bytes(items.get(0), path + "[0]", 4, 16);
		long length = Fields.uint(items.get(1), path + "[1]", address.length * 8L);
		return new JsonPrimitive(address(items.get(0), path + "[0]").getAsString() + "/" + length);
	}

	private static JsonElement dma(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.add("iommu", Fields.code(f.required(1), f.at(1), List.of("none", "vt-d", "amd-vi")));
		out.addProperty("protectHypervisor", Fields.bool(f.required(2), f.at(2)));
		out.add("scopes", Fields.each(f.required(3), f.at(3), 0, (i, p) -> {
			List<CborItem> items = Fields.tuple(i, p, 2);
			JsonObject scope = pciSelector(items.get(0), p + "[0]").getAsJsonObject();
			scope.add("action", Fields.code(items.get(1), p + "[1]", List.of("allow", "shadow-only", "deny")));
			return scope;
		}));
		f.done();
		return out;
	}

	private static JsonElement login(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.add("methods", Fields.each(f.required(1), f.at(1), 1, (i, p) -> Fields.code(i, p, List.of("piv-card", "password"))));
		out.add("pinMinimum", Fields.uintJson(f.required(2), f.at(2), U64));
		out.add("pinMaximum", Fields.uintJson(f.required(3), f.at(3), U64));
		out.add("pinTries", Fields.uintJson(f.required(4), f.at(4), U64));
		out.add("trustAnchors", Fields.each(f.required(5), f.at(5), 0, (i, p) -> Fields.hex(Fields.bytes(i, p, 32))));
		out.add("allowedCards", Fields.each(f.required(6), f.at(6), 0, (i, p) -> Fields.hex(Fields.bytes(i, p, 32))));
		f.done();
		return out;
	}

	private static JsonElement settings(CborItem item, String path) throws SchemaException {
		Fields f = new Fields(item, path);
		JsonObject out = new JsonObject();
		out.add("log", Fields.code(f.required(1), f.at(1), List.of("error", "warn", "info", "debug")));
		out.add("console", Fields.code(f.required(2), f.at(2), List.of("none", "serial", "vga")));
		out.addProperty("oobManagement", Fields.bool(f.required(3), f.at(3)));
		out.add("panic", Fields.code(f.required(4), f.at(4), List.of("halt", "reboot")));
		if (f.has(5)) {
			out.addProperty("osLoader", Fields.text(f.required(5), f.at(5)));
		}
		f.done();
		return out;
	}
}
