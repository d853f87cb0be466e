// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation.internal;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Whether a setting was written in the source. EMF cannot tell "rollback-counter 0" or the first
 * enum literal from an absent setting, so the node model decides when there is one.
 */
public final class Written {

	private Written() {
	}

	public static boolean has(EObject owner, EStructuralFeature feature) {
		if (owner == null) {
			return false;
		}
		if (NodeModelUtils.getNode(owner) == null || !(feature instanceof EAttribute)) {
			return feature.isMany() ? !((java.util.List<?>) owner.eGet(feature, false)).isEmpty()
					: feature instanceof EAttribute ? owner.eIsSet(feature) : owner.eGet(feature, false) != null;
		}
		return !NodeModelUtils.findNodesForFeature(owner, feature).isEmpty();
	}
}
