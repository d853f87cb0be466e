// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.validation.Check;

import dev.parapet.policy.policy.AtaLocation;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.DiskLocation;
import dev.parapet.policy.policy.Encryption;
import dev.parapet.policy.policy.KeyStrength;
import dev.parapet.policy.policy.NamespaceLocation;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.PortLocation;
import dev.parapet.policy.policy.SectorRange;
import dev.parapet.policy.policy.StorageKey;
import dev.parapet.policy.policy.StorageRule;
import dev.parapet.policy.policy.StorageSection;
import dev.parapet.policy.validation.internal.Labels;
import dev.parapet.policy.validation.internal.Written;

/** Storage rules (PP2xxx): LBA ranges, overlaps on one disk, controller locations, cipher strength. */
public final class StorageRangeValidator extends PolicyCheckFamily {

	/** Above this many rules on one disk, overlaps are found by a sweep instead of comparing all pairs. */
	private static final int PAIRWISE_LIMIT = 64;

	@Check
	public void checkLbaRangeIsOrdered(SectorRange range) {
		if (!range.isToEnd() && Written.has(range, Literals.SECTOR_RANGE__END) && range.getStart() > range.getEnd()) {
			error("LBA range " + range.getStart() + ".." + range.getEnd() + " of "
					+ Labels.of(range.eContainer()) + " starts after it ends", range, Literals.SECTOR_RANGE__START,
					IssueCodes.LBA_RANGE_REVERSED);
		}
	}

	@Check
	public void checkLocationFitsController(StorageRule rule) {
		DiskLocation location = rule.getLocation();
		String needed = switch (rule.getController()) {
			case ATA -> location instanceof AtaLocation ? null : "channel <0|1> master|slave";
			case AHCI, USB -> location instanceof PortLocation ? null : "port <n>";
			case NVME -> location instanceof NamespaceLocation ? null : "namespace <n>";
		};
		if (needed != null) {
			error("Disk " + rule.getName() + " (" + rule.getController().getLiteral() + ") is located by '" + needed + "'",
					rule, Literals.STORAGE_RULE__CONTROLLER, IssueCodes.CONTROLLER_LOCATION_MISMATCH);
		}
	}

	@Check
	public void checkCipherMatchesKeyStrength(Encryption encryption) {
		StorageKey key = encryption.getKey();
		if (key == null || key.eIsProxy() || !Written.has(key, Literals.STORAGE_KEY__STRENGTH)) {
			return;
		}
		KeyStrength needed = switch (encryption.getCipher()) {
			case AES_XTS_128 -> KeyStrength.XTS_128;
			case AES_XTS_256 -> KeyStrength.XTS_256;
		};
		if (key.getStrength() != needed) {
			error("Cipher " + encryption.getCipher().getLiteral() + " needs an " + needed.getLiteral()
					+ " key; storage key " + key.getName() + " is " + key.getStrength().getLiteral(), encryption,
					Literals.ENCRYPTION__KEY, IssueCodes.CIPHER_KEY_STRENGTH_MISMATCH);
		}
	}

	@Check
	public void checkRulesDoNotOverlapInSection(StorageSection section) {
		for (Conflict conflict : conflicts(section.getRules())) {
			StorageRule later = conflict.later();
			error(conflict.message(), later, Literals.STORAGE_RULE__RANGE, conflict.code());
		}
	}

	/** Overlaps between rules that come from different levels of the device's inheritance chain. */
	@Check
	public void checkRulesDoNotOverlapOnDevice(Device device) {
		for (Conflict conflict : conflicts(effective(device).storageRules())) {
			if (conflict.earlier().eContainer() != conflict.later().eContainer()) {
				error("Device " + device.getName() + ": " + conflict.message(), device, Literals.ELEMENT__NAME,
						conflict.code());
			}
		}
	}

	/**
	 * Every pair of rules on one disk whose sector ranges intersect. Earlier means earlier in the list
	 * (document order in a section, most specific level first for a device).
	 */
	static List<Conflict> conflicts(List<StorageRule> rules) {
		Map<String, List<Indexed>> byDisk = new LinkedHashMap<>();
		for (int i = 0; i < rules.size(); i++) {
			StorageRule rule = rules.get(i);
			long[] interval = rule.getRange() == null ? null : interval(rule);
			if (interval != null) {
				byDisk.computeIfAbsent(diskOf(rule), d -> new ArrayList<>()).add(new Indexed(i, rule, interval));
			}
		}
		List<Conflict> conflicts = new ArrayList<>();
		for (List<Indexed> disk : byDisk.values()) {
			if (disk.size() <= PAIRWISE_LIMIT) {
				for (int j = 0; j < disk.size(); j++) {
					for (int i = 0; i < j; i++) {
						conflictOf(disk.get(i), disk.get(j)).ifPresent(conflicts::add);
					}
				}
			} else {
				List<Indexed> sorted = new ArrayList<>(disk);
				sorted.sort(Comparator.comparingLong((Indexed r) -> r.interval()[0]).thenComparingInt(Indexed::index));
				Indexed reach = sorted.get(0);
				for (Indexed current : sorted.subList(1, sorted.size())) {
					Indexed earlier = reach.index() < current.index() ? reach : current;
					Indexed later = earlier == reach ? current : reach;
					conflictOf(earlier, later).ifPresent(conflicts::add);
					if (Long.compareUnsigned(current.interval()[1], reach.interval()[1]) > 0) {
						reach = current;
					}
				}
			}
		}
		return conflicts;
	}

	private static java.util.Optional<Conflict> conflictOf(Indexed earlier, Indexed later) {
		long[] a = earlier.interval();
		long[] b = later.interval();
		if (Long.compareUnsigned(b[0], a[1]) > 0 || Long.compareUnsigned(a[0], b[1]) > 0) {
			return java.util.Optional.empty();
		}
		String disk = diskOf(later.rule());
		if (Long.compareUnsigned(a[0], b[0]) <= 0 && Long.compareUnsigned(b[1], a[1]) <= 0) {
			return java.util.Optional.of(new Conflict(earlier.rule(), later.rule(), IssueCodes.STORAGE_RULE_UNREACHABLE,
					label(later.rule()) + " is wholly covered by " + label(earlier.rule()) + " on " + disk
							+ " and never applies"));
		}
		return java.util.Optional.of(new Conflict(earlier.rule(), later.rule(), IssueCodes.LBA_OVERLAP,
				label(later.rule()) + " overlaps " + label(earlier.rule()) + " on " + disk));
	}

	private static String label(StorageRule rule) {
		String owner = rule.eContainer() == null || rule.eContainer().eContainer() == null ? ""
				: " (" + Labels.of(rule.eContainer().eContainer()) + ")";
		return "disk " + rule.getName() + owner;
	}

	/**
	 * [first, last] sector, inclusive, compared unsigned: "whole" and "..end" run to 2^64-1.
	 * A reversed range (reported as PP2001) covers nothing and yields {@code null}.
	 */
	private static long[] interval(StorageRule rule) {
		if (rule.getRange() instanceof SectorRange range) {
			if (range.isToEnd()) {
				return new long[] { range.getStart(), -1L };
			}
			return range.getStart() > range.getEnd() ? null : new long[] { range.getStart(), range.getEnd() };
		}
		return new long[] { 0, -1L };
	}

	static String diskOf(StorageRule rule) {
		StringBuilder key = new StringBuilder(rule.getController().getLiteral()).append(' ').append(rule.getIndex());
		DiskLocation location = rule.getLocation();
		if (location instanceof AtaLocation ata) {
			key.append(" channel ").append(ata.getChannel()).append(' ').append(ata.getDrive().getLiteral());
		} else if (location instanceof PortLocation port) {
			key.append(" port ").append(port.getPort());
		} else if (location instanceof NamespaceLocation namespace) {
			key.append(" namespace ").append(namespace.getNamespace());
		}
		return key.toString();
	}

	private record Indexed(int index, StorageRule rule, long[] interval) {
	}

	/** Two rules of one disk whose ranges intersect; {@code later} is the one reported. */
	record Conflict(StorageRule earlier, StorageRule later, String code, String message) {
	}
}
