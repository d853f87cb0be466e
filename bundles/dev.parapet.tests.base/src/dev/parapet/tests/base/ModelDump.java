// SPDX-License-Identifier: EPL-2.0
package dev.parapet.tests.base;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * A text rendering of a parsed model that ignores layout: every element with its class, attributes
 * and contained children; cross-references as the text written for them (they are compared before
 * linking, so the rendering does not depend on other files). Two texts that differ only in layout
 * and comments dump equally.
 */
public final class ModelDump {

	private ModelDump() {
	}

	public static String of(EObject root) {
		StringBuilder out = new StringBuilder();
		dump(root, 0, out);
		return out.toString();
	}

	private static void dump(EObject object, int depth, StringBuilder out) {
		out.append("  ".repeat(depth)).append(object.eClass().getName()).append('\n');
		for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
			if (feature instanceof EAttribute) {
				if (feature.isMany() ? !((List<?>) object.eGet(feature)).isEmpty() : object.eIsSet(feature)) {
					out.append("  ".repeat(depth + 1)).append(feature.getName()).append('=').append(object.eGet(feature))
							.append('\n');
				}
			} else if (feature instanceof EReference reference && !reference.isContainment()) {
				List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
				if (!nodes.isEmpty()) {
					out.append("  ".repeat(depth + 1)).append(feature.getName()).append("->");
					for (INode node : nodes) {
						out.append(NodeModelUtils.getTokenText(node)).append(' ');
					}
					out.append('\n');
				}
			}
		}
		for (EObject child : object.eContents()) {
			dump(child, depth + 1, out);
		}
	}
}
