// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui;

import com.google.inject.Injector;

import dev.parapet.policy.ide.PolicyIdeSetup;

/**
 * The one Guice injector of the policy language for the whole workbench: runtime services (parser,
 * validator, formatter, scoping) plus Xtext's generic IDE services (content assist).
 */
public final class PolicyLanguage {

	private static volatile Injector injector;

	private PolicyLanguage() {
	}

	/** Creates the injector on first use and registers the EMF package and resource factory. */
	public static Injector injector() {
		Injector result = injector;
		if (result == null) {
			synchronized (PolicyLanguage.class) {
				result = injector;
				if (result == null) {
					result = new PolicyIdeSetup().createInjectorAndDoEMFRegistration();
					injector = result;
				}
			}
		}
		return result;
	}

	/** Shorthand for {@code injector().getInstance(type)}. */
	public static <T> T get(Class<T> type) {
		return injector().getInstance(type);
	}
}
