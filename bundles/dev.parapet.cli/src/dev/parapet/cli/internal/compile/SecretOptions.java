// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.nio.file.Path;

import dev.parapet.compiler.keys.SecretSource;
import picocli.CommandLine.Option;

/**
 * Where a PIN or passphrase comes from: {@code --pin-env NAME}, {@code --pin-file PATH}, or else an
 * interactive prompt. Never the value itself on the command line.
 */
public final class SecretOptions {

	@Option(names = "--pin-env", paramLabel = "NAME",
			description = "read the PIN or passphrase from the environment variable NAME")
	private String environment;

	@Option(names = "--pin-file", paramLabel = "PATH",
			description = "read the PIN or passphrase from the first line of the file PATH")
	private Path file;

	/**
	 * @param workingDirectory resolves a relative {@code --pin-file}
	 * @param prompt           what the interactive prompt asks for
	 */
	public SecretSource source(Path workingDirectory, String prompt) {
		if (environment != null) {
			return SecretSource.environment(environment);
		}
		if (file != null) {
			return SecretSource.file(workingDirectory.resolve(file));
		}
		return SecretSource.prompt(prompt);
	}
}
