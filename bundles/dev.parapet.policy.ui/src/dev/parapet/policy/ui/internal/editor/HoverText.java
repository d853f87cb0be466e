// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.parapet.policy.ui.PolicyLanguage;
import dev.parapet.policy.ui.internal.model.ModelStructure;

/** The hover of a model element: its label and kind, documentation comment and where it is declared. */
public final class HoverText {

	private HoverText() {
	}

	/** HTML for the hover control. */
	public static String of(EObject element) {
		StringBuilder html = new StringBuilder();
		html.append("<b>").append(escape(ModelStructure.label(element))).append("</b> \u2014 ")
				.append(escape(ModelStructure.kindInWords(element)));
		String detail = ModelStructure.detail(element);
		if (!detail.isEmpty()) {
			html.append(" (").append(escape(detail)).append(')');
		}
		String documentation = PolicyLanguage.get(IEObjectDocumentationProvider.class).getDocumentation(element);
		if (documentation != null && !documentation.isBlank()) {
			html.append("<p>").append(escape(documentation.strip()).replace("\n", "<br>")).append("</p>");
		}
		ICompositeNode node = NodeModelUtils.getNode(element);
		if (node != null && element.eResource() != null) {
			html.append("<p><small>").append(escape(element.eResource().getURI().lastSegment())).append(", line ")
					.append(node.getStartLine()).append("</small></p>");
		}
		return html.toString();
	}

	/** The same content as plain text (first line label and kind, then the documentation). */
	public static String plain(EObject element) {
		return of(element).replaceAll("<br>|<p>", "\n").replaceAll("<[^>]+>", "").replace("\u2014", "-")
				.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
