// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal.navigator;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** The worst problem on a navigator entry: of a resource and everything in it, or inside a declaration's text. */
final class ProblemSeverity {

	/** No problem (below {@link IMarker#SEVERITY_INFO}). */
	static final int NONE = -1;

	private ProblemSeverity() {
	}

	static int of(Object element) {
		try {
			if (element instanceof IResource resource && resource.isAccessible()) {
				return resource.findMaxProblemSeverity(IMarker.PROBLEM, true, IResource.DEPTH_INFINITE);
			}
			if (element instanceof FleetElement declaration && declaration.file().isAccessible()) {
				int worst = NONE;
				for (IMarker marker : declaration.file().findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO)) {
					if (declaration.contains(marker.getAttribute(IMarker.CHAR_START, -1))) {
						worst = Math.max(worst, marker.getAttribute(IMarker.SEVERITY, NONE));
					}
				}
				return worst;
			}
		} catch (CoreException e) {
			return NONE;
		}
		return NONE;
	}
}
