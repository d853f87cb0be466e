// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process environment a command runs in, passed explicitly so that tests run commands in-process.
 *
 * @param in               standard input
 * @param out              standard output: results only
 * @param err              standard error: summaries, usage and run errors
 * @param workingDirectory directory that relative paths on the command line are resolved against
 * @param colour           whether results written to {@code out} may use ANSI colours
 */
public record CliContext(InputStream in, PrintStream out, PrintStream err, Path workingDirectory, boolean colour) {
}
