// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import java.nio.file.Path;

/**
 * A policy file named on the command line, or found in a folder named there.
 *
 * @param shown the path as the user wrote it (joined with the file's place in a named folder); used
 *              in every message about the file
 * @param path  the absolute, normalised path
 */
public record SourceFile(String shown, Path path) {
}
