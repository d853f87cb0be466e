// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a PIN or passphrase comes from: an interactive prompt, an environment variable or a file.
 * Never from the command line. The caller owns the returned array and wipes it
 * ({@link #wipe(char[])}); error messages name the source, never the secret.
 */
public interface SecretSource {

	/** Reads the secret; the caller wipes the array after use. */
	char[] read() throws IOException;

	/** A human description of the source for messages ("environment variable PARAPET_PIN"). */
	String describe();

	/** Asks on the console without echo. */
	static SecretSource prompt(String prompt) {
		return new SecretSource() {
			@Override
			public char[] read() throws IOException {
				Console console = System.console();
				if (console == null) {
					throw new IOException("No console to ask for the " + prompt + "; use an environment variable or a file");
				}
				char[] secret = console.readPassword("%s: ", prompt);
				if (secret == null) {
					throw new IOException("No " + prompt + " entered");
				}
				return secret;
			}

			@Override
			public String describe() {
				return "prompt";
			}
		};
	}

	/** The value of an environment variable. */
	static SecretSource environment(String name) {
		return environment(name, System.getenv());
	}

	/** The value of a variable in the given environment (tests pass their own map). */
	static SecretSource environment(String name, Map<String, String> environment) {
		return new SecretSource() {
			@Override
			public char[] read() throws IOException {
				String value = environment.get(name);
				if (value == null || value.isEmpty()) {
					throw new IOException("Environment variable " + name + " is not set");
				}
				return value.toCharArray();
			}

			@Override
			public String describe() {
				return "environment variable " + name;
			}
		};
	}

	/** The first line of a UTF-8 file (without the line end). */
	static SecretSource file(Path path) {
		return new SecretSource() {
			@Override
			public char[] read() throws IOException {
				char[] buffer = new char[4096];
				int length = 0;
				try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
					int c;
					while ((c = reader.read()) != -1 && c != '\n' && c != '\r') {
						if (length == buffer.length) {
							throw new IOException("Secret file " + path + " has a first line longer than 4096 characters");
						}
						buffer[length++] = (char) c;
					}
				} catch (IOException e) {
					wipe(buffer);
					throw e;
				}
				char[] secret = Arrays.copyOf(buffer, length);
				wipe(buffer);
				if (secret.length == 0) {
					throw new IOException("Secret file " + path + " is empty");
				}
				return secret;
			}

			@Override
			public String describe() {
				return "file " + path;
			}
		};
	}

	/**
	 * A secret the caller already asked for (a workbench dialog); each read returns a copy, the caller
	 * keeps and wipes the original.
	 */
	static SecretSource given(char[] secret, String description) {
		return new SecretSource() {
			@Override
			public char[] read() {
				return secret.clone();
			}

			@Override
			public String describe() {
				return description;
			}
		};
	}

	/** Overwrites the secret with zeros. */
	static void wipe(char[] secret) {
		if (secret != null) {
			Arrays.fill(secret, '\0');
		}
	}
}
