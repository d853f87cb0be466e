// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

/**
 * One {@code key=value} line of bitvisor.conf.
 *
 * @param key   the text key
 * @param value the value as written (decimal numbers, no {@code #})
 */
public record ConfigEntry(String key, String value) {

	@Override
	public String toString() {
		return key + "=" + value;
	}
}
