// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinker;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;

import dev.parapet.policy.conversion.PolicyValueConverters;
import dev.parapet.policy.linking.PolicyLinker;
import dev.parapet.policy.linking.PolicyLinkingDiagnosticMessageProvider;
import dev.parapet.policy.parser.PolicySyntaxErrorMessageProvider;
import dev.parapet.policy.naming.PolicyQualifiedNameProvider;

/** Runtime services of the policy language, shared by the CLI, the language server and the workbench. */
public class PolicyRuntimeModule extends AbstractPolicyRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return PolicyValueConverters.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return PolicyQualifiedNameProvider.class;
	}

	@Override
	public Class<? extends ILinker> bindILinker() {
		return PolicyLinker.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider.Extended> bindILinkingDiagnosticMessageProvider$Extended() {
		return PolicyLinkingDiagnosticMessageProvider.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return PolicySyntaxErrorMessageProvider.class;
	}
}
