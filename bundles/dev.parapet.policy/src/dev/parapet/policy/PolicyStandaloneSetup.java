// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy;


/**
 * Initialization support for running Xtext languages without Equinox extension registry.
 */
public class PolicyStandaloneSetup extends PolicyStandaloneSetupGenerated {

	public static void doSetup() {
		new PolicyStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
