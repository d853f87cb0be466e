// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.documentation.impl.MultiLineCommentDocumentationProvider;
import org.eclipse.xtext.linking.ILinker;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;

import com.google.inject.Binder;
import com.google.inject.name.Names;

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

	/** A file sees the elements of the files it imports (and its own), not everything loaded beside it. */
	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return ImportUriGlobalScopeProvider.class;
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

	/** Only {@code /** ... *&#47;} comments document the element that follows; plain block comments do not. */
	public void configureDocumentationStartTag(Binder binder) {
		binder.bind(String.class).annotatedWith(Names.named(MultiLineCommentDocumentationProvider.START_TAG))
				.toInstance("/\\*\\*");
	}
}
