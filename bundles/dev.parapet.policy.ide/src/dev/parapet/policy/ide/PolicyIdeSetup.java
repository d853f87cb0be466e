// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.parapet.policy.PolicyRuntimeModule;
import dev.parapet.policy.PolicyStandaloneSetup;
import org.eclipse.xtext.util.Modules2;

/**
 * Initialization support for running Xtext languages as language servers.
 */
public class PolicyIdeSetup extends PolicyStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new PolicyRuntimeModule(), new PolicyIdeModule()));
	}
	
}
