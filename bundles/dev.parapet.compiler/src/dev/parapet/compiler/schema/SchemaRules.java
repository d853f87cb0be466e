// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The rules of docs/formats.md 1.3 that CDDL cannot state: storage-rule order, key-slot references,
 * distinct login methods, PIN bounds, non-empty names. Checked on the named view.
 */
final class SchemaRules {

	private static final List<String> CONTROLLERS = List.of("ata", "ahci", "nvme", "usb");

	private SchemaRules() {
	}

	static void check(JsonObject policy) throws SchemaException {
		nonEmpty(policy, "device", "policy.3");
		JsonArray keys = policy.getAsJsonArray("storageKeys");
		for (int i = 0; i < keys.size(); i++) {
			JsonObject key = keys.get(i).getAsJsonObject();
			if (u(key.get("slot")) != i) {
				throw new SchemaException("policy.8[" + i + "].1", "key slot is not the entry's index " + i);
			}
			nonEmpty(key, "keyId", "policy.8[" + i + "].2");
		}
		JsonArray rules = policy.getAsJsonArray("storageRules");
		long[] previous = null;
		for (int i = 0; i < rules.size(); i++) {
			JsonObject rule = rules.get(i).getAsJsonObject();
			long[] order = { CONTROLLERS.indexOf(rule.get("controller").getAsString()), u(rule.get("index")),
					rule.has("location") ? u(rule.get("location")) + 1 : 0,
					rule.has("drive") ? ("master".equals(rule.get("drive").getAsString()) ? 1 : 2) : 0,
					u(rule.get("firstLba")) };
			if (previous != null && compareUnsigned(previous, order) >= 0) {
				throw new SchemaException("policy.9[" + i + "]",
						"storage rules not strictly ascending by (controller, index, location, drive, first LBA)");
			}
			previous = order;
			if (!"end".equals(rule.get("lastLba").getAsString())
					&& Long.compareUnsigned(u(rule.get("lastLba")), u(rule.get("firstLba"))) < 0) {
				throw new SchemaException("policy.9[" + i + "].6", "last LBA before first LBA");
			}
			slot(rule, keys.size(), "policy.9[" + i + "].8");
		}
		JsonObject usb = policy.getAsJsonObject("usb");
		JsonArray usbRules = usb.getAsJsonArray("rules");
		for (int i = 0; i < usbRules.size(); i++) {
			slot(usbRules.get(i).getAsJsonObject().getAsJsonObject("action"), keys.size(), "policy.10.1[" + i + "].5");
		}
		slot(usb.getAsJsonObject("default"), keys.size(), "policy.10.2");
		JsonArray peers = policy.getAsJsonObject("network").getAsJsonArray("peers");
		for (int i = 0; i < peers.size(); i++) {
			JsonObject auth = peers.get(i).getAsJsonObject().getAsJsonObject("auth");
			if (auth.has("keyReference")) {
				nonEmpty(auth, "keyReference", "policy.11.3[" + i + "].5");
			}
			if (auth.has("certificate")) {
				nonEmpty(auth, "certificate", "policy.11.3[" + i + "].5");
			}
		}
		JsonObject login = policy.getAsJsonObject("login");
		Set<String> methods = new HashSet<>();
		for (JsonElement method : login.getAsJsonArray("methods")) {
			if (!methods.add(method.getAsString())) {
				throw new SchemaException("policy.13.1", "login method " + method.getAsString() + " listed twice");
			}
		}
		if (Long.compareUnsigned(u(login.get("pinMinimum")), u(login.get("pinMaximum"))) > 0) {
			throw new SchemaException("policy.13.2", "PIN minimum length above the maximum");
		}
		JsonObject settings = policy.getAsJsonObject("settings");
		if (settings.has("osLoader")) {
			nonEmpty(settings, "osLoader", "policy.14.5");
		}
	}

	private static void slot(JsonObject owner, int keys, String path) throws SchemaException {
		if (owner.has("keySlot") && Long.compareUnsigned(u(owner.get("keySlot")), keys) >= 0) {
			throw new SchemaException(path, "key slot " + owner.get("keySlot").getAsString() + " names no storage key");
		}
	}

	private static void nonEmpty(JsonObject owner, String name, String path) throws SchemaException {
		if (owner.get(name).getAsString().isEmpty()) {
			throw new SchemaException(path, "must not be empty");
		}
	}

	private static long u(JsonElement value) {
		return Long.parseUnsignedLong(value.getAsString());
	}

	private static int compareUnsigned(long[] a, long[] b) {
		for (int i = 0; i < a.length; i++) {
			int c = Long.compareUnsigned(a[i], b[i]);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}
}
