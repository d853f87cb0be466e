// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.model;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Where a policy element was written: the resource URI and the 1-based line of the element's
 * first token. Language defaults that no file wrote point to {@link #LANGUAGE_DEFAULT}.
 *
 * @param uri  the file's URI as EMF knows it, or {@code ""} for a language default
 * @param line 1-based line, or 0 for a language default
 */
public record SourceLink(String uri, int line) {

	/** The value is the language default of docs/language.md; no file wrote it. */
	public static final SourceLink LANGUAGE_DEFAULT = new SourceLink("", 0);

	/** The link of a model element, or {@link #LANGUAGE_DEFAULT} for {@code null}. */
	public static SourceLink of(EObject element) {
		if (element == null) {
			return LANGUAGE_DEFAULT;
		}
		Resource resource = element.eResource();
		ICompositeNode node = NodeModelUtils.getNode(element);
		return new SourceLink(resource == null ? "" : resource.getURI().toString(),
				node == null ? 0 : node.getStartLine());
	}

	public boolean isLanguageDefault() {
		return line == 0 && uri.isEmpty();
	}

	@Override
	public String toString() {
		return isLanguageDefault() ? "(language default)" : uri + ":" + line;
	}
}
