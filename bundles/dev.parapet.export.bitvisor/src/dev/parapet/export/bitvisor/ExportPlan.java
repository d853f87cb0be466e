// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.util.List;

/**
 * What an export writes and why: the bitvisor.conf entries, each policy element with its outcome, and
 * which storage key fills which of BitVisor's 32-byte key slots.
 */
public record ExportPlan(String device, BitvisorLayout layout, List<ConfigEntry> entries, List<ExportElement> elements,
		List<KeyPlacement> keys) {

	public ExportPlan {
		entries = List.copyOf(entries);
		elements = List.copyOf(elements);
		keys = List.copyOf(keys);
	}

	/**
	 * One BitVisor key slot: {@code half} 0 is the first (or only) 32 bytes of the key, 1 the second
	 * 32 bytes of a 512-bit XTS key.
	 */
	public record KeyPlacement(int slot, String keyId, int half, String file) {
	}

	public List<ExportElement> degradations() {
		return elements.stream().filter(ExportElement::isDegraded).toList();
	}
}
