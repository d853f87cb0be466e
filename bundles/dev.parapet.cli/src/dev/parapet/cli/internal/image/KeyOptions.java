// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.image;

import java.io.IOException;
import java.nio.file.Path;

import dev.parapet.cli.internal.CliException;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11KeySource;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.Pkcs11SigningKey;
import dev.parapet.image.Pkcs12SigningKey;
import dev.parapet.image.SigningKey;
import dev.parapet.policy.policy.KeyReference;
import dev.parapet.policy.policy.Pkcs11KeyReference;
import dev.parapet.policy.policy.Pkcs12KeyReference;
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

	private Path workingDirectory = Path.of("");

	SigningKey secureBootKey(KeyReference ref, Path base, Path workingDirectory) throws CliException {
		this.workingDirectory = workingDirectory;
		if (ref == null) {
			throw new CliException("the fleet header has no secure-boot-key");
		}
		SecretSource pin = secret(secureBootPinEnv, secureBootPinFile, "Secure Boot key PIN");
		try {
			if (ref instanceof Pkcs12KeyReference p12) {
				return Pkcs12SigningKey.load(base.resolve(p12.getFile()), p12.getAlias(), pin);
			}
			return Pkcs11SigningKey.open(Pkcs11Uri.parse(((Pkcs11KeyReference) ref).getUri()), pin, pkcs11Module);
		} catch (KeySourceException | IOException e) {
			throw new CliException("secure-boot key: " + e.getMessage(), e);
		}
	}

	private SecretSource secret(String env, Path file, String prompt) throws CliException {
		if (env != null && file != null) {
			throw new CliException("give the " + prompt + " by environment variable or by file, not both");
		}
		if (env != null) {
			return SecretSource.environment(env);
		}
		return file != null ? SecretSource.file(workingDirectory.resolve(file)) : SecretSource.prompt(prompt);
	}
}
