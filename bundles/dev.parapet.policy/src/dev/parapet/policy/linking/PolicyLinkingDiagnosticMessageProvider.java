// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.linking;

import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import dev.parapet.policy.validation.IssueCodes;
import dev.parapet.policy.validation.internal.Labels;

/** Unresolved cross-references as PP1001, naming the kind that was expected: "Unknown profile office". */
public class PolicyLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String kind = Labels.kind(context.getReference().getEReferenceType());
		return new DiagnosticMessage("Unknown " + kind + " " + context.getLinkText()
				+ " (is the file that declares it imported?)", Severity.ERROR, IssueCodes.UNRESOLVED_REFERENCE);
	}
}
