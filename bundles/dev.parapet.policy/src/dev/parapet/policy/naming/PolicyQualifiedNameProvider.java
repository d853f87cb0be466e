// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.naming;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.util.SimpleAttributeResolver;

import dev.parapet.policy.policy.Element;
import dev.parapet.policy.policy.TrustAnchor;

/**
 * A fleet has one flat namespace: top-level elements (holders, groups, keys, hardware models,
 * profiles, devices, the fleet itself) and trust anchors are visible under their simple name in
 * every file that imports theirs. Rule names (disks, USB matches, peers, scopes) are local to their
 * section and are not exported; they identify rules across profile inheritance and in reviews.
 */
public class PolicyQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {

	@Override
	public QualifiedName getFullyQualifiedName(EObject object) {
		if (object instanceof Element || object instanceof TrustAnchor) {
			String name = SimpleAttributeResolver.NAME_RESOLVER.apply(object);
			return name == null || name.isEmpty() ? null : QualifiedName.create(name);
		}
		return null;
	}
}
