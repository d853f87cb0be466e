// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.model;

/** How a rule names a PCI function (schema {@code pci-selector}). */
public sealed interface PciSelector {

	/** {@code pci-id "vvvv:dddd"}. */
	record ById(int vendor, int device) implements PciSelector {
		@Override
		public String toString() {
			return String.format("%04x:%04x", vendor, device);
		}
	}

	/** {@code pci-address "[ssss:]bb:dd.f"}. */
	record ByAddress(int segment, int bus, int device, int function) implements PciSelector {
		@Override
		public String toString() {
			return String.format("%04x:%02x:%02x.%x", segment, bus, device, function);
		}
	}

	/** {@code pci-class "ccss"}: base class << 8 | subclass. */
	record ByClass(int classCode) implements PciSelector {
		@Override
		public String toString() {
			return String.format("class %04x", classCode);
		}
	}
}
