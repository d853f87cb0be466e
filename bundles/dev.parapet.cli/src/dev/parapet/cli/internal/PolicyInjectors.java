// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import com.google.inject.Injector;

import dev.parapet.policy.PolicyStandaloneSetup;
import dev.parapet.policy.ide.PolicyIdeSetup;

/**
 * The Guice injectors of the policy language, created once per process through the standalone
 * setups: outside OSGi there is no plugin.xml, so the setups register the EMF package and the
 * {@code .parapet} resource factory themselves.
 */
public final class PolicyInjectors {

	private PolicyInjectors() {
	}

	/** @return the runtime injector (parsing, linking, validation, formatting) */
	public static Injector runtime() {
		return Runtime.INJECTOR;
	}

	/** @return the injector with the generic IDE services (content assist, the language server) */
	public static Injector ide() {
		return Ide.INJECTOR;
	}

	private static final class Runtime {
		static final Injector INJECTOR = new PolicyStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	private static final class Ide {
		static final Injector INJECTOR = new PolicyIdeSetup().createInjectorAndDoEMFRegistration();
	}
}
