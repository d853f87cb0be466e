// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ide;


/**
 * Use this class to register ide components.
 */
public class PolicyIdeModule extends AbstractPolicyIdeModule {
}
