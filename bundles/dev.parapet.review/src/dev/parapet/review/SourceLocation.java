// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review;

/**
 * Where an element is written in one version of the fleet.
 *
 * @param path the file, relative to the root of its version, with '/' separators
 * @param line the 1-based line
 */
public record SourceLocation(String path, int line) {

	@Override
	public String toString() {
		return path + ":" + line;
	}
}
