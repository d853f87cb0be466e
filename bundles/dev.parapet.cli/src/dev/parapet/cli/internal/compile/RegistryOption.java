// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;

/**
 * Opens the card registry a {@code --registry PATH|JDBC-URL} option names, for reading. The PostgreSQL
 * password comes from PARAPET_REGISTRY_PASSWORD (never argv), as for the {@code parapet card} verbs.
 */
public final class RegistryOption {

	/** Environment variable holding the PostgreSQL password. */
	public static final String PASSWORD_VARIABLE = "PARAPET_REGISTRY_PASSWORD";

	private RegistryOption() {
	}

	/**
	 * @param spec the option's value, or null when it was not given
	 * @return the open registry, or null when {@code spec} is null; the caller closes it
	 */
	public static CardDirectory open(String spec, CliContext context) throws RegistryException {
		if (spec == null) {
			return null;
		}
		String password = System.getenv(PASSWORD_VARIABLE);
		return CardDirectory.open(RegistryTarget.existing(spec, context.workingDirectory(),
				password == null ? new char[0] : password.toCharArray()));
	}
}
