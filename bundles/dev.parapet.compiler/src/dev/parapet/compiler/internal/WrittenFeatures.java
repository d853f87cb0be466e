// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.parapet.policy.policy.PolicyPackage;
import dev.parapet.policy.policy.StorageKey;

/**
 * Whether an optional attribute was written in the source. EMF cannot tell an enum or number
 * written with its first literal from an absent one, so the node model decides.
 */
final class WrittenFeatures {

	/** A key whose {@code generation} is not written has never been rotated: generation 1. */
	static final long FIRST_GENERATION = 1;

	private WrittenFeatures() {
	}

	static boolean isWritten(EObject owner, EStructuralFeature feature) {
		if (NodeModelUtils.getNode(owner) == null) {
			return owner.eIsSet(feature);
		}
		return !NodeModelUtils.findNodesForFeature(owner, feature).isEmpty();
	}

	static long generation(StorageKey key) {
		return isWritten(key, PolicyPackage.Literals.STORAGE_KEY__GENERATION) ? key.getGeneration() : FIRST_GENERATION;
	}
}
