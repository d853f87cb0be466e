// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.compare.CompareUI;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.parapet.review.ui.FleetSide;
import dev.parapet.review.ui.ReviewCompareInput;

/** Compare Policies on two selected files or folders: the first is the old version. */
public final class ComparePoliciesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)) {
			return null;
		}
		List<Path> paths = new ArrayList<>();
		for (Object element : selection.toList()) {
			IResource resource = Adapters.adapt(element, IResource.class);
			if (resource != null && resource.getLocation() != null) {
				paths.add(resource.getLocation().toFile().toPath());
			}
		}
		if (paths.size() == 2) {
			CompareUI.openCompareEditor(new ReviewCompareInput(FleetSide.path(paths.get(0)), FleetSide.path(paths.get(1))));
		}
		return null;
	}
}
