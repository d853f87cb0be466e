// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.image;

import java.io.IOException;
import java.nio.file.Path;

import dev.parapet.cli.internal.CliException;
import dev.parapet.compiler.keys.Pkcs11KeySource;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.SecureBootKeys;
import dev.parapet.image.SigningKey;
import dev.parapet.policy.policy.Fleet;
import picocli.CommandLine.Option;

/**
 * The fleet's Secure Boot key: where its PIN comes from ({@code --secure-boot-pin-env VAR},
 * {@code --secure-boot-pin-file FILE}, else a prompt; never argv) and how the fleet header's
 * {@code secure-boot-key} reference is opened. The policy-signing key is opened as
 * {@code parapet compile} does ({@code --pin-env}/{@code --pin-file}).
 */
final class KeyOptions {

	@Option(names = "--secure-boot-pin-env", paramLabel = "VAR", description = "environment variable holding the Secure Boot key's PIN or passphrase")
	String secureBootPinEnv;

	@Option(names = "--secure-boot-pin-file", paramLabel = "FILE", description = "file holding the Secure Boot key's PIN or passphrase")
	Path secureBootPinFile;

	@Option(names = "--pkcs11-module", paramLabel = "FILE", description = "PKCS#11 module for URIs without module-path (default: softhsm2)")
	Path pkcs11Module = Pkcs11KeySource.DEFAULT_MODULE;

	SigningKey secureBootKey(Fleet fleet, Path workingDirectory) throws CliException {
		try {
			return SecureBootKeys.open(fleet, secret(workingDirectory), pkcs11Module);
		} catch (IOException e) {
			throw new CliException(e.getMessage(), e);
		}
	}

	private SecretSource secret(Path workingDirectory) throws CliException {
		return secret(secureBootPinEnv, secureBootPinFile, workingDirectory, "Secure Boot key PIN");
	}

	/** A secret from an environment variable or a file (not both), else a prompt for {@code what}. */
	static SecretSource secret(String env, Path file, Path workingDirectory, String what) throws CliException {
		if (env != null && file != null) {
			throw new CliException("give the " + what + " by environment variable or by file, not both");
		}
		if (env != null) {
			return SecretSource.environment(env);
		}
		return file != null ? SecretSource.file(workingDirectory.resolve(file)) : SecretSource.prompt(what);
	}
}
