// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parapet.compiler.model.BlobCipher;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.compiler.model.DevicePolicy.StorageRule;
import dev.parapet.compiler.model.DevicePolicy.UsbAction;
import dev.parapet.compiler.model.DevicePolicy.UsbRule;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.export.bitvisor.ConfigEntry;
import dev.parapet.export.bitvisor.ExportElement;
import dev.parapet.export.bitvisor.ExportElement.Outcome;
import dev.parapet.export.bitvisor.ExportPlan.KeyPlacement;

/**
 * Maps disk ranges and encrypting USB rules to {@code storage.confN} entries as BitVisor requires:
 * entries sorted per device by {@code lba_low}, non-overlapping, at most 8 per device (a ninth
 * overflows BitVisor's match buffer) and 16 in all; keys in the 16 32-byte slots, a 512-bit key in two
 * consecutive slots (never starting at slot 15).
 */
public final class StoragePlanner {

	public static final int MAX_ENTRIES = 16;
	public static final int MAX_PER_DEVICE = 8;
	public static final int KEY_SLOTS = 16;
	/** lba_high for "to the end": the largest value BitVisor's strtoll-based parser accepts. */
	public static final long END_OF_DEVICE = Long.MAX_VALUE;

	/** One BitVisor storage entry before numbering. */
	record Range(String element, SourceLink source, String type, int hostId, int deviceId, long first, long last,
			BlobCipher cipher, String keyId, String extend) {

		String deviceKey() {
			return type + "/" + hostId + "/" + deviceId + "/" + extend;
		}
	}

	private final List<ExportElement> elements = new ArrayList<>();
	private final List<ConfigEntry> entries = new ArrayList<>();
	private final List<KeyPlacement> keys = new ArrayList<>();

	public List<ExportElement> elements() {
		return elements;
	}

	public List<ConfigEntry> entries() {
		return entries;
	}

	public List<KeyPlacement> keys() {
		return keys;
	}

	public void plan(DevicePolicy policy) {
		List<Range> ranges = new ArrayList<>();
		for (StorageRule rule : policy.storageRules()) {
			Range range = range(rule, policy);
			if (range != null) {
				ranges.add(range);
			}
		}
		for (UsbRule rule : policy.usb().rules()) {
			usbRange(rule, policy, ranges);
		}
		ranges.sort(Comparator.comparing(Range::deviceKey).thenComparingLong(Range::first));
		Map<String, Integer> perDevice = new LinkedHashMap<>();
		Map<String, Integer> slotOfKey = new LinkedHashMap<>();
		Range previous = null;
		int index = 0;
		for (Range range : ranges) {
			int count = perDevice.merge(range.deviceKey(), 1, Integer::sum);
			if (count > MAX_PER_DEVICE) {
				degrade(range, "more than " + MAX_PER_DEVICE + " ranges on one device: BitVisor has no room for a ninth match");
				continue;
			}
			if (previous != null && previous.deviceKey().equals(range.deviceKey()) && range.first() <= previous.last()) {
				degrade(range, "overlaps the previous range of the same device");
				continue;
			}
			if (index == MAX_ENTRIES) {
				degrade(range, "BitVisor has only " + MAX_ENTRIES + " storage entries");
				continue;
			}
			Integer slot = 0;
			if (range.cipher() != BlobCipher.PLAIN) {
				slot = slotOfKey.get(range.keyId());
				if (slot == null) {
					slot = allocate(range);
					if (slot == null) {
						continue;
					}
					slotOfKey.put(range.keyId(), slot);
				}
			}
			write(index++, range, slot);
			previous = range;
		}
	}

	private Integer allocate(Range range) {
		int halves = range.cipher() == BlobCipher.AES_XTS_256 ? 2 : 1;
		int slot = keys.size();
		if (slot + halves > KEY_SLOTS) {
			degrade(range, "BitVisor has no free key slot for key " + range.keyId() + " (16 slots of 32 bytes)");
			return null;
		}
		for (int half = 0; half < halves; half++) {
			keys.add(new KeyPlacement(slot + half, range.keyId(), half, "./keys/" + range.keyId() + "." + half + ".key"));
		}
		return slot;
	}

	private void write(int index, Range range, int slot) {
		String prefix = "storage.conf" + index + ".";
		List<String> keysWritten = new ArrayList<>();
		add(prefix + "type", range.type(), keysWritten);
		add(prefix + "host_id", range.hostId() == 0xFF ? "-1" : Integer.toString(range.hostId()), keysWritten);
		add(prefix + "device_id", range.deviceId() == 0xFFFF ? "-1" : Integer.toString(range.deviceId()), keysWritten);
		add(prefix + "lba_low", Long.toUnsignedString(range.first()), keysWritten);
		add(prefix + "lba_high", Long.toUnsignedString(range.last()), keysWritten);
		if (range.cipher() == BlobCipher.PLAIN) {
			add(prefix + "crypto_name", "none", keysWritten);
		} else {
			add(prefix + "crypto_name", "aes-xts", keysWritten);
			add(prefix + "keyindex", Integer.toString(slot), keysWritten);
			add(prefix + "keybits", Integer.toString(range.cipher().keyBits()), keysWritten);
		}
		if (!range.extend().isEmpty()) {
			add(prefix + "extend", range.extend(), keysWritten);
		}
		elements.add(new ExportElement(range.element(), range.source(), Outcome.MAPPED, "storage.conf" + index
				+ (range.cipher() == BlobCipher.PLAIN ? " (plain)"
						: " with key slot " + slot + (range.cipher() == BlobCipher.AES_XTS_256 ? "+" + (slot + 1) : ""))));
	}

	private void add(String key, String value, List<String> written) {
		entries.add(new ConfigEntry(key, value));
		written.add(key);
	}

	private Range range(StorageRule rule, DevicePolicy policy) {
		String element = "disk " + rule.name();
		long location = rule.location().orElse(-1);
		int hostId;
		int deviceId;
		String type;
		switch (rule.controller()) {
		case ATA -> {
			if (location < 0 || rule.drive().isEmpty()) {
				degrade(element, rule.source(), "an ATA range needs channel and drive for BitVisor");
				return null;
			}
			type = "ATA";
			hostId = (int) (rule.controllerIndex() * 2 + location);
			deviceId = rule.drive().get().getValue();
		}
		case AHCI -> {
			type = "AHCI";
			hostId = (int) rule.controllerIndex();
			deviceId = location < 0 ? 0xFFFF : (int) location;
		}
		case NVME -> {
			type = "NVME";
			hostId = (int) rule.controllerIndex();
			deviceId = location < 0 ? 0xFFFF : (int) location - 1;
		}
		case USB -> {
			type = "USB";
			hostId = (int) rule.controllerIndex();
			deviceId = location < 0 ? 0xFFFF : (int) location;
		}
		default -> throw new IllegalStateException("unknown controller " + rule.controller());
		}
		if (hostId >= 0xFF || deviceId > 0xFFFF || deviceId < 0) {
			degrade(element, rule.source(), "controller or location does not fit BitVisor's host_id/device_id");
			return null;
		}
		return new Range(element, rule.source(), type, hostId, deviceId, rule.firstLba(),
				rule.lastLba().orElse(END_OF_DEVICE), rule.cipher(), keyId(rule.keySlot().orElse(-1), policy), "");
	}

	private void usbRange(UsbRule rule, DevicePolicy policy, List<Range> ranges) {
		String element = "usb match " + rule.name();
		UsbAction action = rule.action();
		if (action.kind() != UsbAction.Kind.ENCRYPT) {
			degrade(element, rule.source(), "stock BitVisor cannot " + action.kind().name().toLowerCase().replace('_', '-')
					+ " USB storage; it only encrypts matching sticks");
			return;
		}
		if (rule.vendor().isEmpty() || rule.product().isEmpty() || rule.serial().isPresent()
				|| rule.interfaceClass().isPresent()) {
			degrade(element, rule.source(), "BitVisor matches USB sticks by vendor and product id only");
			return;
		}
		ranges.add(new Range(element, rule.source(), "USB", 0xFF, 0xFFFF, 0, END_OF_DEVICE, action.cipher(),
				keyId(action.keySlot().orElse(-1), policy), String.format("usb_vendor_id=%04x,usb_product_id=%04x",
						rule.vendor().getAsInt(), rule.product().getAsInt())));
	}

	private static String keyId(int slot, DevicePolicy policy) {
		return slot < 0 ? "" : policy.keySlots().get(slot).keyId();
	}

	private void degrade(Range range, String reason) {
		degrade(range.element(), range.source(), reason);
	}

	private void degrade(String element, SourceLink source, String reason) {
		elements.add(new ExportElement(element, source, Outcome.DEGRADED, reason));
	}
}
