// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Whether an optional attribute was written. EMF cannot tell an enum attribute holding its first
 * literal from an absent one (an ESP proposal without {@code pfs} reads as modp-2048), so the node
 * model decides.
 */
final class Written {

	private Written() {
	}

	static boolean isWritten(EObject owner, EStructuralFeature feature) {
		if (!(feature instanceof EAttribute) || NodeModelUtils.getNode(owner) == null) {
			return owner.eIsSet(feature);
		}
		return !NodeModelUtils.findNodesForFeature(owner, feature).isEmpty();
	}
}
