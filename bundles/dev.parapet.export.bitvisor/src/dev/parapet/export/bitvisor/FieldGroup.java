// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

/** A top-level member of {@code struct config_data}: name, absolute offset, size. */
public record FieldGroup(String name, int offset, int size) {
}
